// Types of lint/rules.js for the tests that load it.
import type { ESLint, Rule } from 'eslint';

export declare const sqlInStore: Rule.RuleModule;
export declare const sharedImports: Rule.RuleModule;
export declare const SHARED_PACKAGES: string[];
declare const plugin: ESLint.Plugin;
export default plugin;
