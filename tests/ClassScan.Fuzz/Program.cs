using ClassScan.Fuzz;
using SharpFuzz;

// classscan-fuzz TARGET [--libfuzzer | --afl | --replay PATH...]   (see docs/fuzzing.md)
// TARGET may also come from CLASSSCAN_FUZZ_TARGET, for drivers that pass no arguments of their own.
var target = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal)
    ? args[0]
    : Environment.GetEnvironmentVariable("CLASSSCAN_FUZZ_TARGET");
var rest = args.SkipWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
var run = target is null ? null : FuzzTargets.Find(target);
if (run is null)
{
    Console.Error.WriteLine($"usage: classscan-fuzz TARGET [--libfuzzer | --afl | --replay PATH...]; TARGET is one of: {string.Join(", ", FuzzTargets.Names)}");
    return 2;
}

switch (rest.FirstOrDefault() ?? "--libfuzzer")
{
    case "--libfuzzer":
        Fuzzer.LibFuzzer.Run(span => run(span));
        return 0;
    case "--afl":
        // Out of process: a StackOverflowException kills the child, which AFL sees as a crash, not a lost fork server.
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            run(ms.GetBuffer().AsSpan(0, (int)ms.Length));
        });
        return 0;
    case "--replay":
        return Replay.Run(run, rest.Skip(1));
    default:
        Console.Error.WriteLine($"unknown mode {rest[0]}: use --libfuzzer, --afl or --replay PATH...");
        return 2;
}
