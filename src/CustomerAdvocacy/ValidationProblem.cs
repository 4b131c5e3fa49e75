namespace CustomerAdvocacy;

/// <summary>
/// One thing wrong with a definition (a calendar, a policy, a ladder, …), found while it was validated.
/// </summary>
/// <remarks>
/// Definitions are validated as a whole, so a <see cref="DefinitionValidationException"/> carries every problem at once
/// rather than stopping at the first.
/// </remarks>
public sealed class ValidationProblem
{
    /// <summary>Creates a problem report.</summary>
    /// <param name="path">Where the problem is, for example <c>weeklyHours.Monday[1]</c> or <c>zone</c>.</param>
    /// <param name="message">What is wrong and, where it helps, how to put it right.</param>
    public ValidationProblem(string path, string message)
    {
        Path = Preconditions.CheckNotNullOrWhiteSpace(path);
        Message = Preconditions.CheckNotNullOrWhiteSpace(message);
    }

    /// <summary>Where the problem is, in the definition's own vocabulary.</summary>
    public string Path { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Path + ": " + Message;
}
