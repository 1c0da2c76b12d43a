using Rekindle.Fuzz;
using SharpFuzz;

// Under afl-fuzz: SharpFuzz's out-of-process fork server (a crash or hang in the target kills only
// the child, which is restarted). `--replay DIR...` runs every file of the folders once, without afl.
if (args is ["--replay", .. var folders])
{
    var failed = 0;
    var files = folders.SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)).Order(StringComparer.Ordinal).ToList();
    foreach (var file in files)
    {
        try
        {
            FrameTarget.Run(File.ReadAllBytes(file));
        }
        catch (Exception exception)
        {
            failed++;
            Console.WriteLine($"FAIL {file}: {exception}");
        }
    }
    Console.WriteLine($"replayed {files.Count} inputs, {failed} failed");
    return failed == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var input = new MemoryStream();
    stream.CopyTo(input);
    FrameTarget.Run(input.GetBuffer().AsMemory(0, (int)input.Length));
});
return 0;
