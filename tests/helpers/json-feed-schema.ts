/** The JSON Feed 1.1 schema, compiled by Ajv. Node only: Ajv generates code, which workerd forbids. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/jsonfeed-1.1.schema.json'), 'utf8'));
export const validateJsonFeed = ajv.compile(schema);
