using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerAdvocacy.Segmentation;

/// <summary>One host-configured rule: when its predicate matches a profile, the profile is in its segment.</summary>
public sealed class SegmentRule
{
    internal SegmentRule(string name, string segmentId, Func<CustomerProfile, bool> matches)
    {
        Name = name;
        SegmentId = segmentId;
        Matches = matches;
    }

    /// <summary>The rule's name, unique in its catalog.</summary>
    public string Name { get; }

    /// <summary>The segment a match classifies into.</summary>
    public string SegmentId { get; }

    /// <summary>The predicate.</summary>
    public Func<CustomerProfile, bool> Matches { get; }
}

/// <summary>The outcome of classifying a customer profile.</summary>
/// <param name="SegmentId">The segment.</param>
/// <param name="Policy">The segment's policy in this catalog version.</param>
/// <param name="Reference">The reference an incident keeps for its whole life.</param>
/// <param name="RuleName">The rule that matched, or <see langword="null"/> when the default segment applied.</param>
public sealed record SegmentAssignment(string SegmentId, AdvocacyPolicy Policy, PolicyReference Reference, string? RuleName);

/// <summary>
/// One immutable, validated version of the segmentation: ordered rules (first match wins), the segments with their
/// policies, and a default segment that always exists.
/// </summary>
public sealed class SegmentCatalog
{
    private readonly Dictionary<string, AdvocacyPolicy> _policies;

    internal SegmentCatalog(int version, string defaultSegmentId, IReadOnlyList<SegmentRule> rules, Dictionary<string, AdvocacyPolicy> policies)
    {
        Version = version;
        DefaultSegmentId = defaultSegmentId;
        Rules = rules;
        _policies = policies;
    }

    /// <summary>The catalog version; incidents keep the version they were opened under.</summary>
    public int Version { get; }

    /// <summary>The segment used when no rule matches.</summary>
    public string DefaultSegmentId { get; }

    /// <summary>The rules, in the order they are tried.</summary>
    public IReadOnlyList<SegmentRule> Rules { get; }

    /// <summary>The segments defined in this version.</summary>
    public IReadOnlyCollection<string> Segments => _policies.Keys;

    /// <summary>Classifies a profile: the first matching rule wins, else the default segment.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The segment, its policy and the reference to keep.</returns>
    public SegmentAssignment Classify(CustomerProfile profile)
    {
        Preconditions.CheckNotNull(profile);
        foreach (var rule in Rules)
        {
            if (rule.Matches(profile))
            {
                return Assign(rule.SegmentId, rule.Name);
            }
        }

        return Assign(DefaultSegmentId, null);
    }

    /// <summary>The policy of a segment in this version.</summary>
    /// <param name="segmentId">The segment.</param>
    /// <returns>Its policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="segmentId"/> is null.</exception>
    /// <exception cref="UnknownPolicyException">The segment is not defined in this version (a <see cref="KeyNotFoundException"/>).</exception>
    public AdvocacyPolicy PolicyOf(string segmentId)
        => _policies.TryGetValue(Preconditions.CheckNotNull(segmentId), out var policy)
            ? policy
            : throw new UnknownPolicyException(segmentId, Version, versionPublished: true);

    private SegmentAssignment Assign(string segmentId, string? ruleName)
        => new(segmentId, _policies[segmentId], new PolicyReference(segmentId, Version), ruleName);
}

/// <summary>Builds a <see cref="SegmentCatalog"/>, validating everything at once.</summary>
public sealed class SegmentCatalogBuilder
{
    private readonly List<(string Name, string SegmentId, Func<CustomerProfile, bool>? Matches)> _rules = new();
    private readonly List<(string Id, AdvocacyPolicy? Policy)> _segments = new();
    private string? _defaultSegmentId;

    /// <summary>Starts a catalog version.</summary>
    /// <param name="version">The version; at least 1, higher than any version published before it.</param>
    public SegmentCatalogBuilder(int version) => Version = version;

    /// <summary>The version being built.</summary>
    public int Version { get; }

    /// <summary>Defines a segment and its policy.</summary>
    /// <param name="segmentId">The segment.</param>
    /// <param name="policy">Its policy.</param>
    /// <returns>This builder.</returns>
    public SegmentCatalogBuilder AddSegment(string segmentId, AdvocacyPolicy policy)
    {
        _segments.Add((segmentId, policy));
        return this;
    }

    /// <summary>Appends a rule; rules are tried in the order they are added.</summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="segmentId">The segment a match classifies into.</param>
    /// <param name="matches">The predicate.</param>
    /// <returns>This builder.</returns>
    public SegmentCatalogBuilder AddRule(string name, string segmentId, Func<CustomerProfile, bool> matches)
    {
        _rules.Add((name, segmentId, matches));
        return this;
    }

    /// <summary>Names the segment used when no rule matches.</summary>
    /// <param name="segmentId">The default segment; it must be defined.</param>
    /// <returns>This builder.</returns>
    public SegmentCatalogBuilder WithDefaultSegment(string segmentId)
    {
        _defaultSegmentId = segmentId;
        return this;
    }

    /// <summary>Validates and builds the catalog.</summary>
    /// <returns>The catalog.</returns>
    /// <exception cref="DefinitionValidationException">Listing every problem found.</exception>
    public SegmentCatalog Build()
    {
        var problems = new List<ValidationProblem>();
        if (Version < 1)
        {
            problems.Add(new("version", $"The version must be at least 1 (was {Version})."));
        }

        var policies = new Dictionary<string, AdvocacyPolicy>(StringComparer.Ordinal);
        for (var i = 0; i < _segments.Count; i++)
        {
            var (id, policy) = _segments[i];
            var path = $"segments[{i}]";
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new(path, "The segment id is blank."));
                continue;
            }

            if (policies.ContainsKey(id))
            {
                problems.Add(new(path, $"The segment '{id}' is defined twice."));
                continue;
            }

            if (policy is null)
            {
                problems.Add(new(path, $"The segment '{id}' has no policy."));
                continue;
            }

            ValidatePolicy($"segments['{id}'].policy", policy, problems);
            policies[id] = policy;
        }

        if (string.IsNullOrWhiteSpace(_defaultSegmentId))
        {
            problems.Add(new("defaultSegment", "A default segment is required: it applies when no rule matches."));
        }
        else if (!policies.ContainsKey(_defaultSegmentId!) && !_segments.Any(s => s.Id == _defaultSegmentId))
        {
            problems.Add(new("defaultSegment", $"The default segment '{_defaultSegmentId}' is not defined."));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _rules.Count; i++)
        {
            var (name, segmentId, matches) = _rules[i];
            var path = $"rules[{i}]";
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add(new(path, "The rule name is blank."));
            }
            else if (!names.Add(name))
            {
                problems.Add(new(path, $"The rule name '{name}' is used twice."));
            }

            if (matches is null)
            {
                problems.Add(new(path, "The rule has no predicate."));
            }

            if (string.IsNullOrWhiteSpace(segmentId) || !_segments.Any(s => s.Id == segmentId))
            {
                problems.Add(new(path, $"The rule classifies into the undefined segment '{segmentId}'."));
            }
        }

        if (problems.Count > 0)
        {
            throw new DefinitionValidationException($"segment catalog version {Version}", problems);
        }

        var rules = _rules.Select(r => new SegmentRule(r.Name, r.SegmentId, r.Matches!)).ToArray();
        return new SegmentCatalog(Version, _defaultSegmentId!, rules, policies);
    }

    private static void ValidatePolicy(string path, AdvocacyPolicy policy, List<ValidationProblem> problems)
    {
        if (policy.FirstResponseTarget <= NodaTime.Duration.Zero)
        {
            problems.Add(new(path + ".firstResponseTarget", "The first-response target must be positive."));
        }

        if (policy.UpdateCadence <= NodaTime.Duration.Zero)
        {
            problems.Add(new(path + ".updateCadence", "The update cadence must be positive."));
        }

        if (policy.ResolutionTarget <= NodaTime.Duration.Zero)
        {
            problems.Add(new(path + ".resolutionTarget", "The resolution target must be positive."));
        }
        else if (policy.ResolutionTarget < policy.FirstResponseTarget)
        {
            problems.Add(new(path + ".resolutionTarget", "The resolution target is shorter than the first-response target."));
        }

        if (string.IsNullOrWhiteSpace(policy.EscalationLadderId))
        {
            problems.Add(new(path + ".escalationLadderId", "The escalation ladder reference is blank."));
        }

        if (!Enum.IsDefined(typeof(TargetClock), policy.Clock))
        {
            problems.Add(new(path + ".clock", $"Unknown target clock {(int)policy.Clock}."));
        }
    }
}
