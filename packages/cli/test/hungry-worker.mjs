// A helper thread that keeps everything it makes until its heap limit stops it (parse-ahead.test.ts).
const held = []
for (;;) held.push(Array.from({length: 1024}, (_, index) => ({index})))
