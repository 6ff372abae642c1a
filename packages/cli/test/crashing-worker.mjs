// A helper thread that dies before it reports, as one that ran out of memory would (parse-ahead.test.ts).
process.exit(1)
