/**
 * A tiny strict parser of the Prometheus text exposition format (0.0.4), for tests: every
 * line must be a `# HELP`, a `# TYPE` or a sample `name{label="value",…} number`, every
 * sample's family must have a TYPE, and a malformed line throws with its number.
 */

/** One sample: metric name, labels and value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\["\\n])*)"(,|$)/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function parseLabels(text: string, line: number): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const m = LABEL.exec(rest);
    if (!m?.[1] || m[2] === undefined) throw new Error(`line ${line}: bad labels: ${text}`);
    labels[m[1]] = m[2].replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    rest = rest.slice(m[0].length);
  }
  return labels;
}

function parseValue(text: string, line: number): number {
  // Prometheus reads values with Go's ParseFloat: NaN and Inf in any letter case.
  const word = text.toLowerCase();
  if (word === '+inf' || word === 'inf') return Number.POSITIVE_INFINITY;
  if (word === '-inf') return Number.NEGATIVE_INFINITY;
  if (word === 'nan') return Number.NaN;
  const v = Number(text);
  if (text === '' || Number.isNaN(v)) throw new Error(`line ${line}: bad value ${text}`);
  return v;
}

/** The family a sample belongs to (histogram and summary samples carry suffixes). */
function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  const base = name.replace(/_(bucket|sum|count|total|created)$/, '');
  return types.has(base) ? base : undefined;
}

/** Parse exposition text into samples and each family's type; throws on any bad line. */
export function parsePrometheus(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw === '') return;
    if (raw.startsWith('# HELP ')) {
      if (!new RegExp(`^# HELP ${NAME} `).test(raw)) throw new Error(`line ${line}: bad HELP`);
      return;
    }
    if (raw.startsWith('# TYPE ')) {
      const [, , name = '', type = ''] = raw.split(' ');
      if (!new RegExp(`^${NAME}$`).test(name) || !TYPES.has(type))
        throw new Error(`line ${line}: bad TYPE: ${raw}`);
      types.set(name, type);
      return;
    }
    const m = SAMPLE.exec(raw);
    if (!m?.[1] || m[3] === undefined) throw new Error(`line ${line}: not a sample: ${raw}`);
    if (!familyOf(m[1], types)) throw new Error(`line ${line}: ${m[1]} has no TYPE`);
    samples.push({
      name: m[1],
      labels: parseLabels(m[2] ?? '', line),
      value: parseValue(m[3], line),
    });
  });
  return { samples, types };
}

/** The value of the sample `name` whose labels include `labels` (0 when there is none). */
export function sampleValue(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  const s = samples.find(
    (x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v),
  );
  return s?.value ?? 0;
}
