using System;
using System.Globalization;
using FsCheck.Xunit;

namespace CustomerAdvocacy.Tests.Scheduling;

/// <summary>An FsCheck property whose number of cases comes from FSCHECK_MAX_TEST (1000 when unset), so CI and a
/// quick local run can differ without editing tests.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SchedulingPropertyAttribute : PropertyAttribute
{
    public const int DefaultMaxTest = 1000;

    public SchedulingPropertyAttribute()
    {
        MaxTest = ConfiguredMaxTest();
    }

    public static int ConfiguredMaxTest()
        => int.TryParse(Environment.GetEnvironmentVariable("FSCHECK_MAX_TEST"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : DefaultMaxTest;
}
