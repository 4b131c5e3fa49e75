using System;
using System.Collections;
using System.Linq;
using System.Reflection;

namespace CustomerAdvocacy.Orleans.Tests;

/// <summary>
/// Compares two values by their public readable properties, recursively, and sequences element by element: a record
/// holding a list decoded into another list type is still the same value.
/// </summary>
internal static class Structural
{
    public static void AssertEqual(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: {expected ?? "null"} vs {actual ?? "null"}");
            return;
        }

        Assert.True(expected.GetType() == actual.GetType() || (expected is IEnumerable && actual is IEnumerable && expected is not string), $"{path}: type {expected.GetType().Name} vs {actual.GetType().Name}");
        var type = expected.GetType();
        if (expected is string || type.IsPrimitive || type.IsEnum || expected is Guid || type.Namespace == "NodaTime")
        {
            Assert.True(expected.Equals(actual), $"{path}: {expected} vs {actual}");
            return;
        }

        if (expected is IEnumerable left && actual is IEnumerable right)
        {
            var a = left.Cast<object?>().ToArray();
            var b = right.Cast<object?>().ToArray();
            Assert.True(a.Length == b.Length, $"{path}: {a.Length} items vs {b.Length}");
            for (var i = 0; i < a.Length; i++)
            {
                AssertEqual(a[i], b[i], $"{path}[{i}]");
            }

            return;
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
        Assert.NotEmpty(properties);
        foreach (var property in properties)
        {
            AssertEqual(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
        }
    }
}
