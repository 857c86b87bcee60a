/** PMML 4.4 built-in functions: the registry the interpreter's `<Apply>` calls. */
export { lookupBuiltin, builtinNames, arityProblem, checkArity, constantArgumentProblem, type BuiltinFunction } from './registry.js';
export { compileJavaRegex, type JavaRegex } from './java-regex.js';
