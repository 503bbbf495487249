namespace ClinicHip.Architecture.Tests;

/// <summary>The repository's source files, for the rules a compiled assembly cannot show (which file declares what).</summary>
internal static class RepositorySource
{
    public static string Root { get; } = FindRoot();

    /// <summary>The C# files under <paramref name="folder"/> (relative to the root), relative to it, without build output.</summary>
    public static IEnumerable<string> Files(string folder)
    {
        var path = Path.Combine(Root, folder);
        return Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(path, f))
            // Build output of the default and the SQL Server build (docs/decisions/0002), not source.
            .Where(f => f.Split(Path.DirectorySeparatorChar)[0] is not ("obj" or "bin" or "obj-sqlserver" or "bin-sqlserver"));
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ClinicHip.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from outside the repository: ClinicHip.sln not found above " + AppContext.BaseDirectory);
    }
}
