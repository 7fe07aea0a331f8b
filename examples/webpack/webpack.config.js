// Plain webpack 5: nothing here is for ProofX. webpack follows the SDK's `new Worker(new URL(…))` and
// `new URL('…/compliance.zkey', import.meta.url)` itself and emits the worker and the artifacts.
import { fileURLToPath } from 'node:url'
import HtmlWebpackPlugin from 'html-webpack-plugin'

/** @type {import('webpack').Configuration} */
export default {
  mode: 'production',
  entry: './src/index.js',
  output: { path: fileURLToPath(new URL('./dist/', import.meta.url)), clean: true },
  plugins: [new HtmlWebpackPlugin({ title: 'ProofX with webpack 5', template: './src/index.html' })],
}
