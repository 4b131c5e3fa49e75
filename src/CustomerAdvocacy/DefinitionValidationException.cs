using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerAdvocacy;

/// <summary>
/// Thrown when a definition (a business calendar, blackout set, policy, …) is built from invalid input.
/// Lists every problem found, not only the first.
/// </summary>
public sealed class DefinitionValidationException : Exception
{
    /// <summary>Creates the exception for a definition and the problems found in it.</summary>
    /// <param name="definition">What was being built, for example <c>business calendar 'Acme support'</c>.</param>
    /// <param name="problems">Every problem found; at least one.</param>
    public DefinitionValidationException(string definition, IEnumerable<ValidationProblem> problems)
        : this(definition, Preconditions.CheckNotNull(problems).ToArray())
    {
    }

    private DefinitionValidationException(string definition, ValidationProblem[] problems)
        : base(FormatMessage(definition, problems))
    {
        Definition = definition;
        Problems = problems;
    }

    /// <summary>What was being built.</summary>
    public string Definition { get; }

    /// <summary>Every problem found, in the order they were found.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    private static string FormatMessage(string definition, ValidationProblem[] problems)
    {
        Preconditions.CheckNotNullOrWhiteSpace(definition);
        if (problems.Length == 0)
        {
            throw new ArgumentException("A validation exception needs at least one problem.", nameof(problems));
        }

        var noun = problems.Length == 1 ? "problem" : "problems";
        return $"The {definition} is invalid ({problems.Length} {noun}):{Environment.NewLine}"
            + string.Join(Environment.NewLine, problems.Select(p => " - " + p));
    }
}
