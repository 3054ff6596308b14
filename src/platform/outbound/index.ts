/** Guards for requests the platform sends to addresses people register (see internal-address.ts). */
export { guardedLookup, internalLiteral, isInternalAddress } from './internal-address.js';
