using System;

namespace CustomerAdvocacy.Kernel;

/// <summary>How the library makes fresh identifiers.</summary>
internal static class Identifiers
{
    /// <summary>A fresh GUID for a new identifier.</summary>
    /// <returns>A version 7 GUID on .NET 9 and later; a random (version 4) GUID on older runtimes.</returns>
    internal static Guid NewGuid()
#if NET9_0_OR_GREATER
        => Guid.CreateVersion7();
#else
        => Guid.NewGuid();
#endif
}
