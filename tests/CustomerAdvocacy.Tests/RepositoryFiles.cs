using System;
using System.IO;

namespace CustomerAdvocacy.Tests;

/// <summary>
/// Finds files of the repository from the test binaries. Source paths baked in at compile time (CallerFilePath)
/// are not usable: CI builds are deterministic and map them to <c>/_/</c>.
/// </summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string ReadAllText(string relativePath) => File.ReadAllText(PathOf(relativePath)).Replace("\r\n", "\n");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerAdvocacy.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("The repository root (with CustomerAdvocacy.sln) was not found above " + AppContext.BaseDirectory);
    }
}
