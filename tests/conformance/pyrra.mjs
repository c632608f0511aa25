// Validates Pyrra ServiceLevelObjective documents against Pyrra's own CRD schema (its
// openAPIV3Schema, with ajv) and Kubernetes' rules for object names, label keys and values
// and annotation keys (apimachinery's validation, written out below).
// Usage: node tests/conformance/pyrra.mjs CRD.yaml EXPORT.yaml; prints each problem and
// exits 1 when there is one.
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import { parse, parseAllDocuments } from "yaml";

const [crdPath, exportPath] = process.argv.slice(2);
const crd = parse(readFileSync(crdPath, "utf8"));
const version = crd.spec.versions.find((v) => v.name === "v1alpha1");
// Kubernetes' structural schemas carry x-kubernetes-* keywords ajv does not know.
const ajv = new Ajv({ strict: false, allErrors: true });
const validate = ajv.compile(version.schema.openAPIV3Schema);

// k8s.io/apimachinery/pkg/util/validation/validation.go
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/; // IsDNS1123Subdomain, max 253
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/; // IsQualifiedName's name part, max 63
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/; // IsValidLabelValue, max 63
const qualifiedKey = (key) => {
  const parts = key.split("/");
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name)) return false;
  if (parts.length === 2) {
    const prefix = parts[0];
    return prefix.length > 0 && prefix.length <= 253 && DNS1123_SUBDOMAIN.test(prefix);
  }
  return true;
};

const problems = [];
const documents = parseAllDocuments(readFileSync(exportPath, "utf8"));
let count = 0;
documents.forEach((doc, i) => {
  if (doc.errors.length) problems.push(`document ${i}: ${doc.errors.map((e) => e.message).join("; ")}`);
  const o = doc.toJS();
  if (o === null || o === undefined) return;
  count += 1;
  const at = `document ${i} (${o?.metadata?.name})`;
  if (o.apiVersion !== `${crd.spec.group}/${version.name}` || o.kind !== crd.spec.names.kind)
    problems.push(`${at}: not a ${crd.spec.group}/${version.name} ${crd.spec.names.kind}`);
  if (!validate(o)) problems.push(`${at}: ${ajv.errorsText(validate.errors)}`);
  const name = o.metadata?.name ?? "";
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) problems.push(`${at}: metadata.name ${JSON.stringify(name)}`);
  for (const [key, value] of Object.entries(o.metadata?.labels ?? {})) {
    if (!qualifiedKey(key)) problems.push(`${at}: label key ${JSON.stringify(key)}`);
    if (typeof value !== "string" || value.length > 63 || !LABEL_VALUE.test(value))
      problems.push(`${at}: label value ${JSON.stringify(value)}`);
  }
  for (const [key, value] of Object.entries(o.metadata?.annotations ?? {})) {
    if (!qualifiedKey(key.toLowerCase())) problems.push(`${at}: annotation key ${JSON.stringify(key)}`);
    if (typeof value !== "string") problems.push(`${at}: annotation value ${JSON.stringify(value)}`);
  }
});
for (const p of problems) console.log(p);
console.log(`${count} objectives, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
