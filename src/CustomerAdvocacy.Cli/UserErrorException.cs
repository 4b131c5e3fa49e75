using System;

namespace CustomerAdvocacy.Cli;

/// <summary>Something the user can put right (a missing file, a malformed instant); exit code 1 with the message.</summary>
internal sealed class UserErrorException : Exception
{
    internal UserErrorException(string message)
        : base(message)
    {
    }

    internal UserErrorException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
