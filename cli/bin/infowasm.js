#!/usr/bin/env node
// The infowasm command: the compiled CLI (cli/src → cli/dist, built by the root `npm run build`).
import { main } from "../dist/main.js";

process.exitCode = await main(process.argv.slice(2));
