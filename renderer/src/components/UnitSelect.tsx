import { Select } from 'antd';
import type { DefaultOptionType, RefSelectProps } from 'antd/es/select';
import { forwardRef, useState } from 'react';
import type { UnitView } from '../../../shared/ipc/contract';
import { rankUnits } from '../pinyin';
import { groupOptions, useApp } from '../store';

interface Props {
  value?: number | null;
  onChange?: (v: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  autoFocus?: boolean;
  style?: React.CSSProperties;
  onlyActive?: boolean;
  id?: string;
  /** called after a unit is picked: entry forms move the focus on (antd swallows the first Tab while closing) */
  onPicked?: () => void;
}

/** The roster as Select options, grouped as the roster is (less a unit that may not be picked). */
function useUnitOptions(exclude?: number) {
  const units = useApp((s) => s.units);
  const info = useApp((s) => s.info);
  return groupOptions(info)
    .map((g) => ({
      label: g.label,
      options: units
        .filter((u) => u.group === g.value && u.id !== exclude)
        // a retired unit stays pickable (its old records are still entered) and says it is retired
        .map((u) => ({ value: u.id, label: u.activeUntil && info && u.activeUntil <= info.today.slice(0, 7) ? `${u.name}（已停用）` : u.name, unit: u })),
    }))
    .filter((g) => g.options.length > 0);
}

type UnitOption = { value: number; label: string; unit: UnitView };

/**
 * While the clerk types, one list of the matching units, best match first (exact initials before looser matches, so
 * Enter on sjj picks 区审计局); with nothing typed, the roster's groups.
 */
function useRankedOptions(grouped: { label: string; options: UnitOption[] }[]) {
  const [search, setSearch] = useState('');
  const all = grouped.flatMap((g) => g.options);
  const options: DefaultOptionType[] = search.trim() === '' ? grouped : rankUnits(all.map((o) => ({ ...o.unit, option: o })), search).map((u) => u.option);
  return {
    options,
    search: {
      onSearch: setSearch,
      filterOption: false as const,
      onOpenChange: (open: boolean) => !open && setSearch(''),
    },
    clear: () => setSearch(''),
  };
}

/** Unit picker searchable by name, alias and pinyin initials; grouped as the roster is. */
export const UnitSelect = forwardRef<RefSelectProps, Props>(function UnitSelect(props, ref) {
  const ranked = useRankedOptions(useUnitOptions());
  return (
    <Select
      ref={ref}
      id={props.id}
      showSearch
      value={props.value}
      onChange={(v) => props.onChange?.(v as number | undefined)}
      // the focus moves on at once, inside the key event that picked: characters typed right after are not lost
      onSelect={() => {
        ranked.clear();
        props.onPicked?.();
      }}
      placeholder={props.placeholder ?? '单位：名称、别名或拼音首字母'}
      allowClear={props.allowClear}
      autoFocus={props.autoFocus}
      style={props.style}
      options={ranked.options}
      {...ranked.search}
      defaultActiveFirstOption
      notFoundContent="没有匹配的单位"
    />
  );
});

interface ManyProps {
  value: number[];
  onChange: (v: number[]) => void;
  /** a unit that may not be picked (a 合报 item's own unit) */
  exclude?: number;
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  /** Enter with the list closed (nothing being picked): forms save or move on */
  onEnter?: () => void;
  'aria-label'?: string;
}

/** Several units, in the order picked (合报单位): searchable as UnitSelect; Backspace removes the last one. */
export function UnitsSelect(props: ManyProps) {
  // a unit already picked leaves the list (Enter on it would take it away again); its tag keeps its name
  const all = useUnitOptions(props.exclude);
  const names = new Map(all.flatMap((g) => g.options.map((o) => [o.value, o.label] as const)));
  const ranked = useRankedOptions(all.map((g) => ({ ...g, options: g.options.filter((o) => !props.value.includes(o.value)) })).filter((g) => g.options.length > 0));
  return (
    <div
      style={props.style}
      onKeyDownCapture={(e) => {
        // rc-select opens its list on Enter; with the list closed (as rendered now: aria-expanded, not a callback
        // that may come later) Enter belongs to the form
        const expanded = (e.target as HTMLElement).getAttribute('aria-expanded') === 'true';
        if (e.key === 'Enter' && !e.nativeEvent.isComposing && !expanded && props.onEnter) {
          e.preventDefault();
          e.stopPropagation();
          props.onEnter();
        }
      }}
    >
      <Select
        id={props.id}
        aria-label={props['aria-label']}
        mode="multiple"
        showSearch
        labelInValue
        value={props.value.map((id) => ({ value: id, label: names.get(id) ?? '（已不在名单中的单位）' }))}
        onChange={(v: { value: number }[]) => props.onChange(v.map((x) => x.value))}
        placeholder={props.placeholder}
        style={{ width: '100%' }}
        options={ranked.options}
        {...ranked.search}
        onSelect={ranked.clear}
        defaultActiveFirstOption
        notFoundContent="没有匹配的单位"
      />
    </div>
  );
}
