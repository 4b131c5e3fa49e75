using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Orleans.Wire;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Segmentation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.Serialization;

namespace CustomerAdvocacy.Orleans.Tests.Wire;

public sealed class IncidentCommandCodecTests
{
    private static readonly IncidentId Id = new(Guid.Parse("7d0c5a52-3f0e-4a34-9c43-0f5e8f3f2a11"));
    private static readonly Actor Owner = new("owner-1", IncidentRole.AccountableOwner);
    private static readonly Instant At = Instant.FromUtc(2026, 3, 29, 1, 30, 15) + Duration.FromNanoseconds(123_456_789);
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(WireCommand).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    /// <summary>One sample of every concrete command type, with every optional field set somewhere.</summary>
    public static IEnumerable<object[]> Samples()
    {
        CommandId C() => CommandId.New();
        var drafts = new[] { new CriterionDraft("c1", "orders flow again"), new CriterionDraft("c2", "no data lost") };
        var commands = new IncidentCommand[]
        {
            new OpenIncident(Id, C(), Owner, "customer-acme", "owner-1", new PolicyReference("critical", 3), IncidentId.New()),
            new OpenIncident(Id, C(), Owner, "customer-acme", "owner-1", new PolicyReference("standard", 1), null),
            new CapturePerspective(Id, C(), Owner, new CustomerPerspective("server down", "orders stopped", "server up", Duration.FromHours(26) + Duration.FromNanoseconds(7))),
            new StartAnalysis(Id, C(), Owner) { ExpectedVersion = 3 },
            new ProposePlan(Id, C(), Owner, At, drafts),
            new RejectPlan(Id, C(), new Actor("customer-1", IncidentRole.CustomerContact), "month-end freeze"),
            new ApprovePlan(Id, C(), new Actor("customer-1", IncidentRole.CustomerContact)),
            new StartExecution(Id, C(), Owner),
            new RecordCriterionMet(Id, C(), Owner, "c1", "dashboard green for 48 h", "engineer-1"),
            new ProposeResolution(Id, C(), Owner),
            new ConfirmResolution(Id, C(), new Actor("customer-boss", IncidentRole.CustomerBusinessManager)),
            new DisputeResolution(Id, C(), new Actor("customer-1", IncidentRole.CustomerContact), new[] { "c2" }, "still losing rows"),
            new CloseIncident(Id, C(), Owner),
            new ReturnToSop(Id, C(), Owner),
            new CompleteReview(Id, C(), new Actor("sm-1", IncidentRole.ServiceManager)),
            new MakeCommitment(Id, C(), Owner, "k1", "owner-1", "call back", At),
            new MakeCommitment(Id, C(), Owner, "k2", "owner-1", "no date", null),
            new DeliverCommitment(Id, C(), Owner, "k1"),
            new RecordCommitmentMissed(Id, C(), new Actor("scheduler", IncidentRole.ServiceManager), "k1"),
            new RecordConversation(Id, C(), Owner, "conv-1", new[] { "owner-1", "customer-1" }, "customer-boss", At),
            new RecordConversation(Id, C(), Owner, "conv-2", new[] { "owner-1" }, null, null),
            new HandOff(Id, C(), Owner, "owner-2"),
            new AcceptHandoff(Id, C(), new Actor("owner-2", IncidentRole.Engineer)),
            new ClassifyRelatedRecurrence(Id, C(), Owner, "TCK-2", drafts),
            new AgreeCriteriaChange(Id, C(), new Actor("customer-1", IncidentRole.CustomerContact)),
            new RejectCriteriaChange(Id, C(), new Actor("customer-1", IncidentRole.CustomerContact), "out of scope"),
            new ClassifyUnrelatedRecurrence(Id, C(), Owner, "TCK-3", IncidentId.New()),
            new OfferCommitment(Id, C(), Owner, "k3", "owner-1", "send the report", At),
            new AcceptCommitmentDue(Id, C(), new Actor("customer-1", IncidentRole.CustomerContact), "k3"),
            new RejectCommitmentDue(Id, C(), new Actor("customer-1", IncidentRole.CustomerContact), "k3", "we are closed that day"),
            new SendCustomerUpdate(Id, C(), Owner, new[] { "customer-1", "customer-boss" }),
            new RecordServiceLevelWarning(Id, C(), new Actor("scheduler", IncidentRole.ServiceManager), ServiceLevelKind.Update),
            new RecordServiceLevelBreach(Id, C(), new Actor("scheduler", IncidentRole.ServiceManager), ServiceLevelKind.Resolution),
        };
        return commands.Select(c => new object[] { c });
    }

    [Fact]
    public void Samples_CoverEveryCommandTypeOfCore()
    {
        var sampled = Samples().Select(s => s[0].GetType().Name).ToHashSet();
        var missing = IncidentCommandCodec.CommandTypes.Keys.Where(name => !sampled.Contains(name)).ToArray();
        Assert.True(missing.Length == 0, "Add samples for: " + string.Join(", ", missing));
        Assert.True(IncidentCommandCodec.CommandTypes.Count >= 30);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void RoundTrip_ThroughOrleansSerializer_GivesAnEqualCommand(IncidentCommand command)
    {
        var bytes = Serializer.SerializeToArray(IncidentCommandCodec.Encode(command));
        var decoded = IncidentCommandCodec.Decode(Serializer.Deserialize<WireCommand>(bytes)!);
        Assert.IsType(command.GetType(), decoded);
        Structural.AssertEqual(command, decoded);
    }

    [Fact]
    public void Decode_UnknownType_ThrowsNamingTheWire()
    {
        var ex = Assert.Throws<ArgumentException>(() => IncidentCommandCodec.Decode(new WireCommand("LaunchRocket", "{}")));
        Assert.Equal("wire", ex.ParamName);
    }

    [Fact]
    public void Decode_MalformedJson_ThrowsNamingTheWire()
    {
        var ex = Assert.Throws<ArgumentException>(() => IncidentCommandCodec.Decode(new WireCommand(nameof(StartAnalysis), "{\"incidentId\":")));
        Assert.Equal("wire", ex.ParamName);
    }

    [Fact]
    public void Decode_InvalidActor_ThrowsAndNamesTheCommand()
    {
        var wire = IncidentCommandCodec.Encode(new StartAnalysis(Id, CommandId.New(), Owner));
        var broken = wire with { Json = wire.Json.Replace("\"owner-1\"", "\" \"", StringComparison.Ordinal) };
        Assert.ThrowsAny<ArgumentException>(() => IncidentCommandCodec.Decode(broken));
    }

    [Fact]
    public void Encode_CommandTypeOutsideCore_ThrowsNamingTheCommand()
    {
        var ex = Assert.Throws<ArgumentException>(() => IncidentCommandCodec.Encode(new HostCommand(Id, CommandId.New(), Owner)));
        Assert.Equal("command", ex.ParamName);
    }

    private sealed record HostCommand(IncidentId IncidentId, CommandId CommandId, Actor Actor) : IncidentCommand(IncidentId, CommandId, Actor)
    {
        public override IncidentTrigger Trigger => IncidentTrigger.StartAnalysis;
    }
}
