#!/usr/bin/env node
// Entry point of the `jepa-dynamics` command; the compiled program lives in ../dist.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv);
