import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseAllDocuments } from 'yaml'
import { describe, expect, test } from 'vitest'
import { requireTool } from '../../scripts/provision/find-tools.mjs'

// No cluster here: kustomize renders offline, and these checks stand in for a schema validator.
const root = fileURLToPath(new URL('../../', import.meta.url))
type Obj = { apiVersion: string; kind: string; metadata: { name: string }; spec?: any; data?: Record<string, string> }

function render(): Obj[] {
  // Without kubectl this throws the install command (scripts/provision), rather than pass on nothing.
  const text = execFileSync(requireTool('kubectl'), ['kustomize', 'ops/k8s'], { cwd: root, encoding: 'utf8' })
  return parseAllDocuments(text).map((d) => d.toJS() as Obj)
}

describe('Kubernetes manifests (ops/k8s)', () => {
  const objects = render()
  const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name)!

  test('kustomize renders every object with apiVersion, kind, name and the proofx namespace', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'ConfigMap/proofx-chain',
      'Deployment/proofx-monitor',
      'Deployment/proofx-prover',
      'HorizontalPodAutoscaler/proofx-prover',
      'Namespace/proofx',
      'NetworkPolicy/proofx-prover',
      'PersistentVolumeClaim/proofx-monitor-state',
      'PodDisruptionBudget/proofx-prover',
      'Service/proofx-prover',
    ])
    for (const o of objects) {
      expect(o.apiVersion, o.kind).toMatch(/^(v1|apps\/v1|autoscaling\/v2|policy\/v1|networking\.k8s\.io\/v1)$/)
      if (o.kind !== 'Namespace') expect((o.metadata as { namespace?: string }).namespace).toBe('proofx')
    }
  })

  test('the HPA scales the prover Deployment on CPU at 80% (playbook)', () => {
    const hpa = find('HorizontalPodAutoscaler', 'proofx-prover').spec
    expect(hpa.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'proofx-prover' })
    expect(hpa.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }])
    expect(hpa.minReplicas).toBeGreaterThanOrEqual(2)
    expect(hpa.maxReplicas).toBeGreaterThan(hpa.minReplicas)
    // Utilization is relative to the request: without one the HPA cannot act.
    expect(find('Deployment', 'proofx-prover').spec.template.spec.containers[0].resources.requests.cpu).toBeDefined()
  })

  test('pods run as non-root on a read-only root filesystem with probes on /healthz and /readyz', () => {
    for (const name of ['proofx-prover', 'proofx-monitor']) {
      const pod = find('Deployment', name).spec.template.spec
      expect(pod.securityContext.runAsNonRoot).toBe(true)
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0)
      expect(pod.automountServiceAccountToken).toBe(false)
      for (const c of pod.containers) {
        expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } })
        expect(c.resources.limits.memory).toBeDefined()
      }
    }
    const prover = find('Deployment', 'proofx-prover').spec.template.spec.containers[0]
    expect(prover.livenessProbe.httpGet.path).toBe('/healthz')
    expect(prover.readinessProbe.httpGet.path).toBe('/readyz')
    expect(prover.args.slice(0, 1)).toEqual(['serve'])
  })

  test('selectors, ports and config references line up', () => {
    const deployment = find('Deployment', 'proofx-prover')
    const labels = deployment.spec.template.metadata.labels
    expect(labels).toMatchObject(deployment.spec.selector.matchLabels)
    const service = find('Service', 'proofx-prover').spec
    expect(labels).toMatchObject(service.selector)
    const portNames = deployment.spec.template.spec.containers[0].ports.map((p: { name: string }) => p.name)
    expect(portNames).toContain(service.ports[0].targetPort)
    expect(labels).toMatchObject(find('PodDisruptionBudget', 'proofx-prover').spec.selector.matchLabels)

    const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata.name, o.data ?? {}]))
    for (const d of objects.filter((o) => o.kind === 'Deployment')) {
      for (const env of d.spec.template.spec.containers.flatMap((c: { env?: unknown[] }) => c.env ?? []) as {
        valueFrom?: { configMapKeyRef?: { name: string; key: string }; secretKeyRef?: { optional?: boolean } }
      }[]) {
        const ref = env.valueFrom?.configMapKeyRef
        if (ref) expect(configMaps.get(ref.name)?.[ref.key], `${ref.name}.${ref.key}`).toBeDefined()
        // Secrets are not in git: every reference must be optional or documented as required.
        if (env.valueFrom?.secretKeyRef) expect(env.valueFrom.secretKeyRef.optional).toBe(true)
      }
      const claims = d.spec.template.spec.volumes.filter((v: { persistentVolumeClaim?: unknown }) => v.persistentVolumeClaim)
      for (const v of claims) expect(find('PersistentVolumeClaim', v.persistentVolumeClaim.claimName)).toBeDefined()
    }
  })
})
