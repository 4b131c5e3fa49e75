using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerAdvocacy.Segmentation;

/// <summary>Looks up customer profiles (with their business calendars) by customer id.</summary>
public interface ICustomerDirectory
{
    /// <summary>Finds a customer's profile.</summary>
    /// <param name="customerId">The customer (opaque host identifier).</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The profile, or <see langword="null"/> for an unknown customer.</returns>
    ValueTask<CustomerProfile?> FindAsync(string customerId, CancellationToken cancellationToken);
}

/// <summary>
/// An in-memory <see cref="ICustomerDirectory"/>: profiles published by the host, replaced whole. Thread-safe: lookups
/// read an immutable snapshot without locking; publishing copies it.
/// </summary>
public sealed class CustomerDirectory : ICustomerDirectory
{
    private readonly object _gate = new();
    private IReadOnlyDictionary<string, CustomerProfile> _profiles = new Dictionary<string, CustomerProfile>(StringComparer.Ordinal);

    /// <summary>Creates an empty directory.</summary>
    public CustomerDirectory()
    {
    }

    /// <summary>Creates a directory holding profiles.</summary>
    /// <param name="profiles">The profiles; a later one replaces an earlier one of the same customer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="profiles"/> or one of them is null.</exception>
    public CustomerDirectory(IEnumerable<CustomerProfile> profiles)
    {
        var all = new Dictionary<string, CustomerProfile>(StringComparer.Ordinal);
        foreach (var profile in Preconditions.CheckNotNull(profiles))
        {
            all[Preconditions.CheckNotNull(profile, nameof(profiles)).CustomerId] = profile;
        }

        _profiles = all;
    }

    /// <summary>How many customers the directory holds.</summary>
    public int Count => Volatile.Read(ref _profiles).Count;

    /// <summary>Adds a profile, or replaces the customer's profile. Open incidents see the new calendar from their next command on.</summary>
    /// <param name="profile">The profile.</param>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public void Publish(CustomerProfile profile)
    {
        Preconditions.CheckNotNull(profile);
        lock (_gate)
        {
            var copy = new Dictionary<string, CustomerProfile>((IDictionary<string, CustomerProfile>)_profiles, StringComparer.Ordinal)
            {
                [profile.CustomerId] = profile,
            };
            Volatile.Write(ref _profiles, copy);
        }
    }

    /// <summary>Finds a customer's profile.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="profile">The profile, when found.</param>
    /// <returns>Whether the customer is known.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customerId"/> is null.</exception>
    public bool TryFind(string customerId, out CustomerProfile profile)
    {
        Preconditions.CheckNotNull(customerId);
        if (Volatile.Read(ref _profiles).TryGetValue(customerId, out var found))
        {
            profile = found;
            return true;
        }

        profile = null!;
        return false;
    }

    /// <inheritdoc />
    public ValueTask<CustomerProfile?> FindAsync(string customerId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<CustomerProfile?>(TryFind(customerId, out var profile) ? profile : null);
    }
}
