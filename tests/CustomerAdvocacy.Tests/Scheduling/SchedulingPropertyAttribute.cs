using System;
using System.Globalization;
using FsCheck.Xunit;

namespace CustomerAdvocacy.Tests.Scheduling;

/// <summary>
/// An FsCheck property whose number of cases comes from the environment variable FSCHECK_MAX_TEST (1000 when unset),
/// so CI and a quick local run use the same tests at different depths.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SchedulingPropertyAttribute : PropertyAttribute
{
    private const int DefaultMaxTest = 1000;

    public SchedulingPropertyAttribute()
    {
        MaxTest = ReadMaxTest();
    }

    private static int ReadMaxTest()
    {
        var text = Environment.GetEnvironmentVariable("FSCHECK_MAX_TEST");
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultMaxTest;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"FSCHECK_MAX_TEST must be a positive whole number, not '{text}'.");
    }
}
