export * from './types';
export * from './clauses';
export * from './engine';
export * from './circular';
export * from './persons';
export * from './rulesets';
export * from './points';
export * from './record-values';
