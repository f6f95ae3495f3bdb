/**
 * `npm run bench [-- --pages DIR] [--quick] [--out DIR]`: the performance
 * benchmark (scan, dynamic page, hover, lookups, index scale, size). The code
 * lives in tests/bench/; tests/bench/README.md says what it measures and how.
 */
import { main } from '../tests/bench/main.ts';

process.exitCode = await main(process.argv.slice(2));
