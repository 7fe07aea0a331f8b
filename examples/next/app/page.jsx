import { ProofXProviders } from './providers.jsx'
import { ProveSample } from './prove-sample.jsx'

// A server component: the prover lives in the client components below.
export default function Page() {
  return (
    <main>
      <h1>Prove with ProofX in Next.js</h1>
      <ProofXProviders>
        <ProveSample />
      </ProofXProviders>
    </main>
  )
}
