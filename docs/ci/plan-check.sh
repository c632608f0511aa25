#!/usr/bin/env bash
# The plan checks CI runs on a repository that keeps a workbook plan and its rule files
# (docs/plans-as-code.md): the plan is valid, and every committed export is what the plan
# generates. With --diff BASE, also writes what changed in the plan since the git revision
# BASE as Markdown (for a pull-request comment) to plan-diff.md.
#
#   plan-check.sh PLAN.json RULES.yml [--diff BASE]
#
# Exit 0 when all is well, 1 when the plan is invalid or a rule file drifted, 2 on usage.
# Uses `sre-workbook` from PATH (cargo install --path . in the workbook's repository), or
# the binary named by $SRE_WORKBOOK.
set -uo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: plan-check.sh PLAN.json RULES.yml [--diff BASE]" >&2
  exit 2
fi
plan=$1
rules=$2
base=""
if [[ ${3:-} == "--diff" ]]; then
  base=${4:?--diff needs a git revision}
fi
bin=${SRE_WORKBOOK:-sre-workbook}
status=0

echo "== sre-workbook check $plan"
"$bin" check "$plan" || status=1

echo "== sre-workbook export prometheus $plan --check $rules"
"$bin" export prometheus "$plan" --check "$rules"
case $? in
  0) ;;
  1) status=1
     echo "Regenerate it: sre-workbook export prometheus $plan -o $rules" ;;
  *) exit 2 ;;
esac

if [[ -n $base ]]; then
  before=$(mktemp)
  trap 'rm -f "$before"' EXIT
  if git show "$base:$plan" > "$before" 2>/dev/null; then
    # diff exits 1 when the plans differ: that is news for the comment, not a failure.
    "$bin" diff "$before" "$plan" --format markdown > plan-diff.md
    [[ $? -le 1 ]] || status=1
  else
    printf '### Plan changes\n\nThe plan file %s is new in this change.\n' "$plan" > plan-diff.md
  fi
  echo "== plan-diff.md"
  cat plan-diff.md
fi
exit $status
