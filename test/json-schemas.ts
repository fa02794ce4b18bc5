import fs from 'node:fs'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

// JSON Schema validation for the Content API's tests (ajv, draft 2020-12 as OpenAPI 3.1 and ninjs
// 3.1 use it): IPTC's ninjs schema and the GeoJSON schema it refers to, from test/fixtures/ninjs/,
// committed, never downloaded.

const fixture = (name: string) => JSON.parse(fs.readFileSync(`test/fixtures/ninjs/${name}`, 'utf8')) as { $id: string }
const ninjsSchema = fixture('ninjs-schema_3.1.json')
/** ninjs refers to it for a place's geometry. */
const geoJsonSchema = fixture('GeoJSON-schema.json')

/** A validator that knows IPTC's ninjs 3.1 schema by its `$id`, with formats (date-time, uri) checked. */
export function schemaValidator(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  addFormats(ajv)
  ajv.addSchema([geoJsonSchema, ninjsSchema])
  return ajv
}

/** Validates against IPTC's ninjs 3.1 schema. */
export function ninjsValidator(): ValidateFunction {
  const validate = schemaValidator().getSchema(ninjsSchema.$id)
  if (!validate) throw new Error('The ninjs schema did not compile.')
  return validate
}

/** The errors of the last validation, readable in a failed expectation. */
export function problems(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`)
}
