using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Tests.DueActions;

public sealed class DueActionSchedulerTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly IncidentId A = new(new Guid("00000000-0000-4000-8000-00000000000a"));
    private static readonly IncidentId B = new(new Guid("00000000-0000-4000-8000-00000000000b"));

    private static DueItem Item(IncidentId? incident, DueItemKind kind, int minutes, string reference = "")
        => new(incident, kind, reference, T0 + Duration.FromMinutes(minutes));

    [Fact]
    public void NextDue_Empty_Null()
    {
        var scheduler = new DueActionScheduler();

        Assert.Null(scheduler.NextDue);
        Assert.Empty(scheduler.TakeDue(T0 + Duration.FromDays(1000)));
    }

    [Fact]
    public void NextDue_SeveralItems_Earliest()
    {
        var scheduler = new DueActionScheduler();
        scheduler.Schedule(Item(A, DueItemKind.SlaBreach, 30, DueItemReferences.FirstResponse));
        scheduler.Schedule(Item(B, DueItemKind.LadderTimeOut, 10));
        scheduler.Schedule(Item(A, DueItemKind.CommitmentDue, 20, "call-back"));

        Assert.Equal(Item(B, DueItemKind.LadderTimeOut, 10), scheduler.NextDue);
        Assert.Equal(3, scheduler.Count);
    }

    [Fact]
    public void Schedule_SameKeyAgain_RearmsInsteadOfAdding()
    {
        var scheduler = new DueActionScheduler();
        scheduler.Schedule(Item(A, DueItemKind.LadderTimeOut, 10));
        scheduler.Schedule(Item(B, DueItemKind.LadderTimeOut, 20));

        scheduler.Schedule(Item(A, DueItemKind.LadderTimeOut, 40));

        Assert.Equal(2, scheduler.Count);
        Assert.Equal(Item(B, DueItemKind.LadderTimeOut, 20), scheduler.NextDue);
        Assert.True(scheduler.TryGet(new DueItemKey(A, DueItemKind.LadderTimeOut), out var rearmed));
        Assert.Equal(T0 + Duration.FromMinutes(40), rearmed.Due);
    }

    [Fact]
    public void DueBy_LeavesItemsInPlace_TakeDueRemovesThem()
    {
        var scheduler = new DueActionScheduler();
        foreach (var minutes in new[] { 50, 10, 30, 20, 40 })
        {
            scheduler.Schedule(Item(IncidentId.New(), DueItemKind.ReviewDue, minutes));
        }

        var peek = scheduler.DueBy(T0 + Duration.FromMinutes(30));
        var taken = scheduler.TakeDue(T0 + Duration.FromMinutes(30));

        Assert.Equal([10, 20, 30], peek.Select(i => (int)(i.Due - T0).TotalMinutes).ToArray());
        Assert.Equal(peek, taken);
        Assert.Equal(2, scheduler.Count);
        Assert.Equal(T0 + Duration.FromMinutes(40), scheduler.NextDue!.Value.Due);
    }

    [Fact]
    public void TakeDue_SameInstant_OrderedByIncidentKindReference()
    {
        var scheduler = new DueActionScheduler();
        scheduler.Schedule(Item(B, DueItemKind.SlaWarning, 5, DueItemReferences.Update));
        scheduler.Schedule(Item(A, DueItemKind.CommitmentDue, 5, "b"));
        scheduler.Schedule(Item(A, DueItemKind.CommitmentDue, 5, "a"));
        scheduler.Schedule(Item(null, DueItemKind.HealthCheck, 5, "acme"));

        var keys = scheduler.TakeDue(T0 + Duration.FromMinutes(5)).Select(i => i.Key.ToString()).ToArray();

        Assert.Equal(
            [$"(no incident)/HealthCheck/acme", $"{A}/CommitmentDue/a", $"{A}/CommitmentDue/b", $"{B}/SlaWarning/update"],
            keys);
    }

    [Fact]
    public void ReplaceIncident_AfterCommand_DropsStaleAndMovesKept()
    {
        var scheduler = new DueActionScheduler();
        scheduler.Schedule(Item(A, DueItemKind.LadderTimeOut, 10));
        scheduler.Schedule(Item(A, DueItemKind.CommitmentDue, 20, "call-back"));
        scheduler.Schedule(Item(B, DueItemKind.LadderTimeOut, 15));

        scheduler.ReplaceIncident(A, [Item(A, DueItemKind.CommitmentDue, 25, "call-back"), Item(A, DueItemKind.SlaBreach, 60, DueItemReferences.Update)]);

        Assert.Equal(
            [Item(A, DueItemKind.CommitmentDue, 25, "call-back"), Item(A, DueItemKind.SlaBreach, 60, DueItemReferences.Update)],
            scheduler.ItemsOf(A));
        Assert.Equal(3, scheduler.Count);
    }

    [Fact]
    public void ReplaceIncident_ItemOfAnotherIncident_ThrowsAndChangesNothing()
    {
        var scheduler = new DueActionScheduler();
        scheduler.Schedule(Item(A, DueItemKind.LadderTimeOut, 10));

        Assert.Equal("items", Assert.Throws<ArgumentException>(() => scheduler.ReplaceIncident(A, [Item(B, DueItemKind.LadderTimeOut, 5)])).ParamName);
        Assert.Equal(Item(A, DueItemKind.LadderTimeOut, 10), Assert.Single(scheduler.ItemsOf(A)));
    }

    [Fact]
    public void RemoveIncident_RemovesOnlyItsItems()
    {
        var scheduler = new DueActionScheduler();
        scheduler.Schedule(Item(A, DueItemKind.LadderTimeOut, 10));
        scheduler.Schedule(Item(A, DueItemKind.ReviewDue, 11));
        scheduler.Schedule(Item(B, DueItemKind.ReviewDue, 12));

        Assert.Equal(2, scheduler.RemoveIncident(A));
        Assert.Equal(0, scheduler.RemoveIncident(A));
        Assert.Equal(Item(B, DueItemKind.ReviewDue, 12), Assert.Single(scheduler.TakeDue(T0 + Duration.FromHours(1))));
    }

    [Fact]
    public void Remove_FromTheMiddle_LastItemMovedUpWhenSmallerThanItsNewParent()
    {
        // Inserted in this order the heap is [1, 15, 8, 25, 22, 29, 10]; removing 25 moves 10 under 15, where it must
        // rise, or 15 would come out before it.
        var scheduler = new DueActionScheduler();
        foreach (var minutes in new[] { 8, 22, 29, 25, 15, 10, 1 })
        {
            scheduler.Schedule(Item(A, DueItemKind.CommitmentDue, minutes, "c" + minutes));
        }

        scheduler.Remove(new DueItemKey(A, DueItemKind.CommitmentDue, "c25"));

        Assert.Equal([1, 8, 10, 15, 22, 29], scheduler.TakeDue(T0 + Duration.FromHours(1)).Select(i => (int)(i.Due - T0).TotalMinutes).ToArray());
    }

    [Fact]
    public void Remove_UnknownKey_False()
        => Assert.False(new DueActionScheduler().Remove(new DueItemKey(A, DueItemKind.TrialEnd, "x")));

    [Fact]
    public void Constructor_NegativeCapacity_Throws()
        => Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new DueActionScheduler(-1)).ParamName);

    [Fact]
    public void Key_NullReference_Throws()
        => Assert.Equal("reference", Assert.Throws<ArgumentNullException>(() => new DueItemKey(A, DueItemKind.TrialEnd, null!)).ParamName);

    /// <summary>
    /// Random insert / re-arm / remove / remove-incident / peek / sweep sequences agree with a sorted-list reference model.
    /// </summary>
    [ConfiguredProperty]
    public bool Scheduler_AgreesWithSortedListModel(int[] operations)
    {
        var scheduler = new DueActionScheduler(2);
        var model = new List<DueItem>();
        var incidents = Enumerable.Range(1, 8).Select(i => new IncidentId(new Guid(i, 0, 0, new byte[8]))).ToArray();
        foreach (var op in operations ?? [])
        {
            var u = Mix((uint)op);
            var incident = u % 9 == 8 ? (IncidentId?)null : incidents[u % 8];
            var kind = (DueItemKind)((u / 9) % 7);
            var reference = ((u / 63) % 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var at = T0 + Duration.FromMinutes((u / 315) % 500);
            var key = new DueItemKey(incident, kind, reference);
            // Mostly inserts, so the heap grows deep enough for removals in the middle to matter; sweeps reach only early.
            switch ((u / 157_500) % 10)
            {
                case 0:
                case 1:
                case 2:
                case 3:
                case 4:
                    scheduler.Schedule(new DueItem(key, at));
                    model.RemoveAll(i => i.Key == key);
                    model.Add(new DueItem(key, at));
                    break;
                case 5:
                case 6:
                    // Usually a key that is scheduled, so removals from the middle of the heap happen often.
                    key = model.Count > 0 && u % 4 != 0 ? model[(int)((u / 7) % (uint)model.Count)].Key : key;
                    if (scheduler.Remove(key) != model.RemoveAll(i => i.Key == key) > 0)
                    {
                        return false;
                    }

                    break;
                case 7:
                    if (incident is { } id && scheduler.RemoveIncident(id) != model.RemoveAll(i => i.Key.IncidentId == id))
                    {
                        return false;
                    }

                    break;
                case 8:
                    if (!scheduler.DueBy(at).SequenceEqual(model.Where(i => i.Due <= at).OrderBy(i => i)))
                    {
                        return false;
                    }

                    break;
                default:
                    at = T0 + ((at - T0) / 8);
                    var expected = model.Where(i => i.Due <= at).OrderBy(i => i).ToList();
                    model.RemoveAll(i => i.Due <= at);
                    if (!scheduler.TakeDue(at).SequenceEqual(expected))
                    {
                        return false;
                    }

                    break;
            }

            var next = model.Count == 0 ? (DueItem?)null : model.Min();
            if (scheduler.Count != model.Count || scheduler.NextDue != next)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>FsCheck's integers are small and cluster near zero; a murmur finalizer spreads them over every operation field.</summary>
    private static uint Mix(uint x)
    {
        x ^= x >> 16;
        x *= 0x85EBCA6B;
        x ^= x >> 13;
        x *= 0xC2B2AE35;
        return x ^ (x >> 16);
    }
}
