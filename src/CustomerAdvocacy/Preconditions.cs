using System;
using System.Runtime.CompilerServices;

namespace CustomerAdvocacy;

/// <summary>Argument guards that name the offending argument without repeating its name at the call site.</summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>(T? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class
        => argument ?? throw new ArgumentNullException(paramName);

    internal static string CheckNotNullOrWhiteSpace(string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (argument.Trim().Length == 0)
        {
            throw new ArgumentException("The value must not be empty or white space.", paramName);
        }

        return argument;
    }

    internal static int CheckNonNegative(int argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        => argument >= 0
            ? argument
            : throw new ArgumentOutOfRangeException(paramName, argument, "The value must not be negative.");

    internal static NodaTime.Duration CheckNonNegative(NodaTime.Duration argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        => argument >= NodaTime.Duration.Zero
            ? argument
            : throw new ArgumentOutOfRangeException(paramName, argument, "The duration must not be negative.");

    internal static NodaTime.Duration CheckPositive(NodaTime.Duration argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        => argument > NodaTime.Duration.Zero
            ? argument
            : throw new ArgumentOutOfRangeException(paramName, argument, "The duration must be positive.");

    internal static void CheckOrdered(NodaTime.Instant start, NodaTime.Instant end, [CallerArgumentExpression(nameof(end))] string? paramName = null)
    {
        if (end < start)
        {
            throw new ArgumentException($"The end ({end}) is before the start ({start}).", paramName);
        }
    }

    internal static NodaTime.Instant CheckSupported(NodaTime.Instant argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        var range = Scheduling.BusinessCalendar.SupportedInterval;
        return argument >= range.Start && argument <= range.End
            ? argument
            : throw new ArgumentOutOfRangeException(paramName, argument, $"The instant is outside the supported range {range}.");
    }

    internal static NodaTime.Interval CheckBoundedWithin(NodaTime.Interval argument, NodaTime.Interval supported, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        if (!argument.HasStart || !argument.HasEnd)
        {
            throw new ArgumentException("The interval must have both a start and an end.", paramName);
        }

        if (argument.Start < supported.Start || argument.End > supported.End)
        {
            throw new ArgumentOutOfRangeException(paramName, argument, $"The interval is outside the supported range {supported}.");
        }

        return argument;
    }
}
