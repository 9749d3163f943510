// The rule editor's draft: what the clerk is changing, whether it differs from what is stored, what is wrong with it
// (checked a moment after the typing stops, not on every keystroke, and sorted by the section it is in), and a guard
// that asks before the edits are lost by leaving the page or picking another rule set.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { parseRuleFile } from '../../../../shared/rules/file';
import { ruleSetSchema, type RuleSet } from '../../../../shared/rules/schema';
import { useApp } from '../../store';
import { confirmDiscard } from './RuleDialog';

/** How long after the last change the draft is checked. */
export const CHECK_DELAY_MS = 250;

export type RuleSection = keyof RuleSet;

export interface RuleDraftCheck {
  /** every problem in the clerk's words (刊物「…」的分值（单篇）：…) */
  errors: string[];
  /** the path of every field the model refuses (groups.0.quota.min), for marking the field itself */
  bad: Set<string>;
  /** the problems of each section (分组, 刊物 …), for the section's own notice */
  bySection: Map<string, string[]>;
}

/** A message names an entry by its 名称, or by its key when the name is empty: then by its place (第3项), never the key. */
export function unkeyed(text: string, rules: RuleSet): string {
  let out = text;
  for (const list of [rules.groups, rules.categories, rules.publications, rules.instructionLevels, rules.eventKinds, rules.requestIssuers] as { key: string; name: string }[][])
    list.forEach((x, i) => {
      if (x.name === '') out = out.replaceAll(`「${x.key}」`, `第${i + 1}项`);
    });
  return out;
}

/** The same checks as the service and the rule file, in the clerk's words, with the path and section of each. */
export function checkRuleDraft(draft: RuleSet): RuleDraftCheck {
  const parsed = ruleSetSchema.safeParse(draft);
  const issues = parsed.success ? [] : parsed.error.issues;
  const checked = parseRuleFile(JSON.stringify(draft));
  const errors = checked.ok ? [] : checked.errors.map((e) => unkeyed(e, draft));
  const bySection = new Map<string, string[]>();
  for (const i of issues) {
    const section = String(i.path[0] ?? '');
    bySection.set(section, [...(bySection.get(section) ?? []), i.message]);
  }
  return { errors, bad: new Set(issues.map((i) => i.path.join('.'))), bySection };
}

/** Asks before edits are lost; resolves true when the clerk lets them go. */
export function confirmDiscardRules(name: string): Promise<boolean> {
  return confirmDiscard(`规则集「${name}」有未保存的修改，离开后这些修改不会保存。要保存，请选“继续修改”，再按“保存修改”或“另存为新版本”。`);
}

export function useRuleDraft(stored: RuleSet) {
  const [draft, setDraft] = useState<RuleSet>(() => structuredClone(stored));
  // a reload of the stored rule set (after any save) shows it
  const [storedSeen, setStoredSeen] = useState(stored);
  if (stored !== storedSeen) {
    setStoredSeen(stored);
    setDraft(structuredClone(stored));
  }
  const edit = useCallback((fn: (r: RuleSet) => void) => {
    setDraft((d) => {
      const n = structuredClone(d);
      fn(n);
      return n;
    });
  }, []);
  const reset = useCallback(() => setDraft(structuredClone(stored)), [stored]);
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(stored), [draft, stored]);

  // checked once the typing pauses; the first check is at once
  const [checked, setChecked] = useState<{ of: RuleSet; result: RuleDraftCheck }>(() => ({ of: draft, result: checkRuleDraft(draft) }));
  useEffect(() => {
    if (checked.of === draft) return;
    const t = setTimeout(() => setChecked({ of: draft, result: checkRuleDraft(draft) }), CHECK_DELAY_MS);
    return () => clearTimeout(t);
  }, [draft, checked.of]);
  /** the draft as it is now, checked now (saving never relies on a check of an older draft) */
  const checkNow = useCallback((): RuleDraftCheck => (checked.of === draft ? checked.result : checkRuleDraft(draft)), [checked, draft]);

  // leaving the page with edits asks first
  useEffect(() => {
    if (!dirty) return;
    const guard = () => confirmDiscardRules(draft.name || stored.name);
    useApp.getState().setLeaveGuard(guard);
    return () => {
      if (useApp.getState().leaveGuard === guard) useApp.getState().setLeaveGuard(null);
    };
  }, [dirty, draft.name, stored.name]);

  return { draft, setDraft, edit, reset, dirty, check: checked.result, pending: checked.of !== draft, checkNow };
}
