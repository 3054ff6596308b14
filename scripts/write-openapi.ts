/** Writes docs/openapi.json from the route schemas (`npm run openapi`). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config/config.js';
import { buildOpenApiDocument, serialiseOpenApi } from '../src/openapi-document.js';

const target = path.join(projectRoot, 'docs', 'openapi.json');
writeFileSync(target, serialiseOpenApi(buildOpenApiDocument()));
console.log(`wrote ${target}`);
