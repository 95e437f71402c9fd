/**
 * The model options shared by check, diagram and ambiguities: size
 * parameters, readings, properties and bounds, from the command line and an
 * optional JSON config file (command line wins). Every problem is a
 * UsageError with a one-line message naming the option or key.
 */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { DEFAULT_PARAMS, PARAM_SPECS, validateParams, type Params } from '../model/params.js';
import { AMBIGUITIES, defaultReadings, withReadings, type Readings } from '../model/readings.js';
import { PROPERTY_NAMES } from '../properties/catalogue.js';
import { fsReason, UsageError } from './errors.js';
import { parseFairness } from '../model/fairness.js';

export interface ModelConfig {
  readonly params: Params;
  readonly readings: Readings;
  readonly properties: string[];
  readonly allViolations: boolean;
  /** Fairness spec for the liveness properties (model/fairness.ts), when given. */
  readonly fairness?: string;
  readonly maxStates?: number;
  readonly maxSeconds?: number;
  /** Bytes the exploration may take (store and edges); absent: half the machine's memory. */
  readonly maxBytes?: number;
  /** Symmetry reduction (check only; the other commands ignore the key). */
  readonly symmetry?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Adds --systems ... --faults, --reading, --config, --max-states, --max-seconds. */
export function addModelOptions(cmd: Command, withProperties = true, withAllViolations = withProperties): Command {
  for (const s of PARAM_SPECS) {
    cmd.addOption(new Option(`${s.flag} <${s.letter}>`, `${s.meaning}; ${s.min}-${s.max}, default ${DEFAULT_PARAMS[s.key]}`));
  }
  cmd.option('--reading <ID=NAME>', "choose a reading of ambiguous text (repeatable; see 'ftcheck readings')", collect);
  if (withProperties) {
    cmd.option('--property <NAME>', "check only this property (repeatable; see 'ftcheck properties')", collect);
  }
  if (withAllViolations) {
    cmd.option('--all-violations', 'go on after the first violation and report every violated property with its own trace');
  }
  cmd.option(
    '--fairness <SPEC>',
    "fairness of the liveness properties: 'default', 'none', or a list WF:family,SF:family (e.g. WF:smi_ack(#i),SF:dma_copy(#i->#j)); a leading + adds to the model's defaults ('ftcheck properties' lists them)",
  );
  cmd.option('--config <FILE>', 'JSON file with any of: ' + configKeys().join(', '));
  cmd.option('--max-states <N>', 'stop after N states (the run is then incomplete, never a proof)');
  cmd.option('--max-seconds <S>', 'stop after S seconds (the run is then incomplete, never a proof)');
  cmd.option('--max-memory <SIZE>', 'stop when the store and edges would pass SIZE, e.g. 8G, 500M (default: half the memory of the machine); the run is then incomplete; after a complete run, the liveness searches are not started when what they need would pass SIZE (those properties are then undecided)');
  return cmd;
}

function configKeys(): string[] {
  return [...PARAM_SPECS.map((s) => s.key), 'readings', 'properties', 'allViolations', 'maxStates', 'maxSeconds', 'maxMemory', 'fairness', 'symmetry'];
}

function intOption(name: string, raw: unknown, min: number, max: number): number {
  const text = String(raw);
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`${name} must be an integer (got '${text}')`);
  const v = Number(text);
  if (v < min || v > max) throw new UsageError(`${name} must be from ${min} to ${max} (got ${v})`);
  return v;
}

function positiveNumber(name: string, raw: unknown): number {
  const v = Number(raw);
  if (String(raw).trim() === '' || !Number.isFinite(v) || v <= 0) throw new UsageError(`${name} must be a positive number (got '${String(raw)}')`);
  return v;
}

function positiveInteger(name: string, raw: unknown): number {
  const v = positiveNumber(name, raw);
  if (!Number.isSafeInteger(v)) throw new UsageError(`${name} must be a whole number of states (got '${String(raw)}')`);
  return v;
}

/** The text of a JSON file without the UTF-8 byte order mark some editors write. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads and validates a config file: unknown keys, wrong types and out-of-range values are errors. */
export function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = withoutBom(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read config file '${path}': ${fsReason(e)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`config file '${path}' is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UsageError(`config file '${path}' must hold a JSON object`);
  const known = configKeys();
  for (const [k, v] of Object.entries(json)) {
    if (!known.includes(k)) throw new UsageError(`config file '${path}': unknown key "${k}" (known: ${known.join(', ')})`);
    const spec = PARAM_SPECS.find((s) => s.key === k);
    if (spec && (typeof v !== 'number' || !Number.isInteger(v))) throw new UsageError(`config file '${path}': "${k}" must be an integer`);
    if (spec && ((v as number) < spec.min || (v as number) > spec.max)) {
      throw new UsageError(`config file '${path}': "${k}" must be from ${spec.min} to ${spec.max} (got ${String(v)})`);
    }
    if (k === 'readings' && (typeof v !== 'object' || v === null || Array.isArray(v) || Object.values(v).some((x) => typeof x !== 'string'))) {
      throw new UsageError(`config file '${path}': "readings" must be an object of "ID": "NAME"`);
    }
    if (k === 'properties' && (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))) {
      throw new UsageError(`config file '${path}': "properties" must be an array of names`);
    }
    if (k === 'fairness') {
      const f = typeof v === 'string' ? parseFairness(v) : { error: 'must be a string such as "+SF:dma_copy(#i->#j)"' };
      if ('error' in f) throw new UsageError(`config file '${path}': "fairness" ${f.error}`);
    }
    if ((k === 'allViolations' || k === 'symmetry') && typeof v !== 'boolean') throw new UsageError(`config file '${path}': "${k}" must be true or false`);
    if ((k === 'maxStates' || k === 'maxSeconds') && (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v))) {
      throw new UsageError(`config file '${path}': "${k}" must be a positive number`);
    }
    if (k === 'maxStates' && !Number.isSafeInteger(v)) throw new UsageError(`config file '${path}': "maxStates" must be a whole number`);
    if (k === 'maxMemory' && (typeof v !== 'string' || parseSize(v) === null)) throw new UsageError(`config file '${path}': "maxMemory" must be a size such as "8G" or "500M"`);
  }
  return json as Record<string, unknown>;
}

/**
 * `--reading ID=NAME` flags as an object with one own key per ID (built with
 * Object.fromEntries, so `__proto__` is a key like any other and is then
 * rejected as an unknown reading instead of silently dropped).
 */
export function parseReadingFlags(flags: readonly string[]): Record<string, string> {
  const pairs: [string, string][] = [];
  for (const f of flags) {
    const m = /^([^=]+)=(.+)$/.exec(f);
    if (!m) throw new UsageError(`--reading takes ID=NAME (got '${f}'); ids: ${AMBIGUITIES.map((e) => e.id).join(', ')}`);
    pairs.push([m[1].trim(), m[2].trim()]);
  }
  return Object.fromEntries(pairs);
}

/** Merges config file and command line into a validated configuration. */
export function resolveModelConfig(opts: Record<string, unknown>): ModelConfig {
  const file = typeof opts.config === 'string' ? readConfigFile(opts.config) : {};
  const params: Record<string, number> = { ...DEFAULT_PARAMS };
  for (const s of PARAM_SPECS) {
    if (file[s.key] !== undefined) params[s.key] = file[s.key] as number;
    if (opts[s.key] !== undefined) params[s.key] = intOption(s.flag, opts[s.key], s.min, s.max);
  }
  const bad = validateParams(params as unknown as Params);
  if (bad) throw new UsageError(bad);
  const readingOverrides = Object.fromEntries([
    ...Object.entries((file.readings as Record<string, string>) ?? {}),
    ...Object.entries(parseReadingFlags((opts.reading as string[]) ?? [])),
  ]);
  const readings = withReadings(defaultReadings(), readingOverrides);
  if ('error' in readings) throw new UsageError(readings.error);
  const properties = (opts.property as string[] | undefined) ?? (file.properties as string[] | undefined) ?? [];
  for (const p of properties) {
    if (!PROPERTY_NAMES.includes(p)) throw new UsageError(`unknown property '${p}' (known: ${PROPERTY_NAMES.join(', ')})`);
  }
  const maxStates = opts.maxStates !== undefined ? positiveInteger('--max-states', opts.maxStates) : (file.maxStates as number | undefined);
  const fairness = (opts.fairness as string | undefined) ?? (file.fairness as string | undefined);
  if (fairness !== undefined) {
    const f = parseFairness(fairness);
    if ('error' in f) throw new UsageError(`--fairness: ${f.error}`);
  }
  const maxSeconds = opts.maxSeconds !== undefined ? positiveNumber('--max-seconds', opts.maxSeconds) : (file.maxSeconds as number | undefined);
  let maxBytes: number | undefined;
  if (opts.maxMemory !== undefined) {
    const b = parseSize(String(opts.maxMemory));
    if (b === null) throw new UsageError(`--max-memory must be a size such as 8G, 500M or 2.5G (got '${String(opts.maxMemory)}')`);
    maxBytes = b;
  } else if (file.maxMemory !== undefined) maxBytes = parseSize(file.maxMemory as string)!;
  return {
    params: params as unknown as Params,
    readings,
    properties,
    allViolations: Boolean(opts.allViolations ?? file.allViolations ?? false),
    ...(fairness !== undefined ? { fairness } : {}),
    maxStates,
    maxSeconds,
    ...(maxBytes !== undefined ? { maxBytes } : {}),
    ...(opts.symmetry !== undefined || file.symmetry !== undefined ? { symmetry: Boolean(opts.symmetry ?? file.symmetry) } : {}),
  };
}

/** "8G", "500M", "2.5GiB", "1e9" as bytes (K, M, G, T are powers of 1024); null if not a positive size. */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*([KMGT]?)(?:i?B)?\s*$/i.exec(text);
  if (!m) return null;
  const bytes = Number(m[1]) * 1024 ** ' KMGT'.indexOf(m[2].toUpperCase() || ' ');
  return bytes >= 1 && Number.isFinite(bytes) ? Math.floor(bytes) : null;
}
