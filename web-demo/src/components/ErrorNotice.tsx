import { describeError } from '../lib/describe-error.js'

/** One error, as a sentence and the SDK's hints on how to fix it. */
export function ErrorNotice({ error, testId }: { error: unknown; testId?: string }) {
  if (!error) return null
  const { title, hints, name } = describeError(error)
  return (
    <div className="error" role="alert" data-testid={testId} data-error-name={name}>
      <strong>{title}</strong>
      {hints.length > 0 && (
        <ul>
          {hints.map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
