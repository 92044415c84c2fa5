/** The `pinggu` command. (Being written: see issue 4.) */
process.stderr.write("pinggu: the command line is not built yet\n");
process.exitCode = 2;
