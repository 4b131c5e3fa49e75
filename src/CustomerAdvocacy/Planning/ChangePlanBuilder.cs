using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// Builds a <see cref="ChangePlanDefinition"/> and validates it as a whole for its size.
/// </summary>
/// <remarks>
/// <para>Every size (little "p") needs the basics: a title, the business and the technical reason, the scheduling
/// constraints (the windows the customer allows changes in and their blackouts, in the customer's zone, and the
/// expected length), a single accountable owner, at least the customer and the provider as parties, primary and
/// backup 24x7 contacts for every party, a back-out plan and at least one validation step. The customer's final
/// "all is well" is required of every plan by the execution machine.</para>
/// <para>A big "P" plan also needs risks, assumptions, tasks with owner and timetable, and the point of no return.</para>
/// </remarks>
public sealed class ChangePlanBuilder
{
    private readonly List<string> _risks = new();
    private readonly List<string> _assumptions = new();
    private readonly List<ChangeParty> _parties = new();
    private readonly List<ChangeTask> _tasks = new();
    private readonly List<string> _validationSteps = new();
    private string? _businessReason;
    private string? _technicalReason;
    private MaintenanceWindowFinder? _finder;
    private Duration _expectedLength;
    private string? _owner;
    private string? _pointOfNoReturn;
    private string? _backOutPlan;

    /// <summary>Starts a plan.</summary>
    /// <param name="id">The plan's id.</param>
    /// <param name="title">What the change is, in a line.</param>
    /// <param name="size">How much plan it needs.</param>
    public ChangePlanBuilder(ChangePlanId id, string title, ChangePlanSize size)
    {
        Id = id;
        Title = title;
        Size = size;
    }

    /// <summary>The plan's id.</summary>
    public ChangePlanId Id { get; }

    /// <summary>What the change is.</summary>
    public string Title { get; }

    /// <summary>How much plan it needs.</summary>
    public ChangePlanSize Size { get; }

    /// <summary>Sets the nature of the request: why the business wants it and what it is technically.</summary>
    /// <param name="business">The business reason.</param>
    /// <param name="technical">The technical reason.</param>
    /// <returns>This builder.</returns>
    public ChangePlanBuilder WithReasons(string business, string technical)
    {
        _businessReason = business;
        _technicalReason = technical;
        return this;
    }

    /// <summary>Adds a risk.</summary>
    /// <param name="risk">The risk.</param>
    /// <returns>This builder.</returns>
    public ChangePlanBuilder AddRisk(string risk)
    {
        _risks.Add(risk);
        return this;
    }

    /// <summary>Adds an assumption.</summary>
    /// <param name="assumption">The assumption.</param>
    /// <returns>This builder.</returns>
    public ChangePlanBuilder AddAssumption(string assumption)
    {
        _assumptions.Add(assumption);
        return this;
    }

    /// <summary>Sets when the change may be made, in the customer's zone, and how long it takes.</summary>
    /// <param name="allowed">When changes may be made at all, in the customer's zone (for example Saturdays).</param>
    /// <param name="blackouts">Periods to avoid, such as month-end processing; in the same zone.</param>
    /// <param name="expectedLength">How long the change takes, in real time.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">A calendar or the blackouts are null.</exception>
    public ChangePlanBuilder WithSchedulingConstraints(BusinessCalendar allowed, BlackoutSet blackouts, Duration expectedLength)
    {
        _finder = new MaintenanceWindowFinder(Preconditions.CheckNotNull(allowed), Preconditions.CheckNotNull(blackouts));
        _expectedLength = expectedLength;
        return this;
    }

    /// <summary>Sets the single point of accountability for the whole change.</summary>
    /// <param name="ownerId">The accountable owner.</param>
    /// <returns>This builder.</returns>
    public ChangePlanBuilder WithAccountableOwner(string ownerId)
    {
        _owner = ownerId;
        return this;
    }

    /// <summary>Adds a party with its primary and backup 24x7 contacts.</summary>
    /// <param name="kind">Which side it is on.</param>
    /// <param name="name">Its name.</param>
    /// <param name="primary">The primary contact.</param>
    /// <param name="backup">The backup contact.</param>
    /// <returns>This builder.</returns>
    public ChangePlanBuilder AddParty(ChangePartyKind kind, string name, ChangeContact primary, ChangeContact backup)
    {
        _parties.Add(new ChangeParty(kind, name, primary, backup));
        return this;
    }

    /// <summary>Adds a task with its owner and timetable.</summary>
    /// <param name="id">Unique within the plan.</param>
    /// <param name="description">What is done.</param>
    /// <param name="ownerId">Who owns it.</param>
    /// <param name="startOffset">When it starts after the slot starts.</param>
    /// <param name="length">How long it takes.</param>
    /// <returns>This builder.</returns>
    public ChangePlanBuilder AddTask(string id, string description, string ownerId, Duration startOffset, Duration length)
    {
        _tasks.Add(new ChangeTask(id, description, ownerId, startOffset, length));
        return this;
    }

    /// <summary>Sets the point of no return: the step after which backing out is no longer possible.</summary>
    /// <param name="description">Where it is.</param>
    /// <returns>This builder.</returns>
    public ChangePlanBuilder WithPointOfNoReturn(string description)
    {
        _pointOfNoReturn = description;
        return this;
    }

    /// <summary>Sets how to restore things as they were.</summary>
    /// <param name="plan">The back-out plan.</param>
    /// <returns>This builder.</returns>
    public ChangePlanBuilder WithBackOutPlan(string plan)
    {
        _backOutPlan = plan;
        return this;
    }

    /// <summary>Adds a step that validates the work, the prior capabilities and any new ones.</summary>
    /// <param name="step">The step.</param>
    /// <returns>This builder.</returns>
    public ChangePlanBuilder AddValidationStep(string step)
    {
        _validationSteps.Add(step);
        return this;
    }

    /// <summary>Validates the plan for its size and builds it.</summary>
    /// <returns>The plan definition.</returns>
    /// <exception cref="DefinitionValidationException">Listing every required element missing for the plan's size and
    /// every invalid element.</exception>
    public ChangePlanDefinition Build()
    {
        var problems = new List<ValidationProblem>();
        void Require(bool ok, string path, string message)
        {
            if (!ok)
            {
                problems.Add(new ValidationProblem(path, message));
            }
        }

        var large = Size == ChangePlanSize.Large;
        Require(Enum.IsDefined(typeof(ChangePlanSize), Size), "size", $"Unknown size {Size}.");
        Require(Id.Value != Guid.Empty, "id", "A plan needs an id.");
        Require(!Blank(Title), "title", "A plan needs a title.");
        Require(!Blank(_businessReason), "nature.business", "The nature of the request needs the business reason.");
        Require(!Blank(_technicalReason), "nature.technical", "The nature of the request needs the technical reason.");
        Require(_finder is not null, "schedulingConstraints", "Scheduling constraints are required: the customer's change windows and blackouts, in the customer's zone.");
        if (_finder is not null)
        {
            Require(_expectedLength > Duration.Zero, "schedulingConstraints.expectedLength", "The change's expected length must be positive.");
            Require(
                _finder.Blackouts.Zone.Equals(_finder.Allowed.Zone),
                "schedulingConstraints.blackouts",
                $"The blackouts are in {_finder.Blackouts.Zone.Id} but the change windows are in the customer's zone {_finder.Allowed.Zone.Id}.");
        }

        Require(!Blank(_owner), "accountableOwner", "A plan needs a single accountable owner.");
        Require(_parties.Any(p => p.Kind == ChangePartyKind.Customer), "parties", "The customer must be a party with 24x7 contacts.");
        Require(_parties.Any(p => p.Kind == ChangePartyKind.Provider), "parties", "The provider must be a party with 24x7 contacts.");
        for (var i = 0; i < _parties.Count; i++)
        {
            var party = _parties[i];
            var path = $"parties[{i}]";
            Require(Enum.IsDefined(typeof(ChangePartyKind), party.Kind), path + ".kind", $"Unknown party kind {party.Kind}.");
            Require(!Blank(party.Name), path + ".name", "A party needs a name.");
            Require(party.Primary is not null, path + ".primary", $"The party '{party.Name}' needs a primary 24x7 contact.");
            Require(party.Backup is not null, path + ".backup", $"The party '{party.Name}' needs a backup 24x7 contact.");
            Require(
                party.Primary is null || party.Backup is null || party.Primary.PersonId != party.Backup.PersonId,
                path + ".backup",
                $"The party '{party.Name}' has the same person as primary and backup.");
        }

        Require(!Blank(_backOutPlan), "backOutPlan", "A plan needs a back-out plan.");
        Require(_validationSteps.Count > 0, "validationSteps", "A plan needs at least one validation step.");
        for (var i = 0; i < _validationSteps.Count; i++)
        {
            Require(!Blank(_validationSteps[i]), $"validationSteps[{i}]", "A validation step must say what is checked.");
        }

        if (large)
        {
            Require(_risks.Count > 0, "risks", "A big-P plan lists its risks.");
            Require(_assumptions.Count > 0, "assumptions", "A big-P plan lists its assumptions.");
            Require(_tasks.Count > 0, "tasks", "A big-P plan lists its tasks with owner and timetable.");
            Require(!Blank(_pointOfNoReturn), "pointOfNoReturn", "A big-P plan identifies the point of no return.");
        }

        CheckTexts(_risks, "risks", Require);
        CheckTexts(_assumptions, "assumptions", Require);
        var taskIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _tasks.Count; i++)
        {
            var task = _tasks[i];
            var path = $"tasks[{i}]";
            Require(!Blank(task.Id), path + ".id", "A task needs an id.");
            Require(Blank(task.Id) || taskIds.Add(task.Id), path + ".id", $"The task id '{task.Id}' is used twice.");
            Require(!Blank(task.Description), path + ".description", "A task says what is done.");
            Require(!Blank(task.OwnerId), path + ".owner", $"The task '{task.Id}' needs an owner.");
            Require(task.StartOffset >= Duration.Zero, path + ".startOffset", "A task cannot start before the change.");
            Require(task.Length > Duration.Zero, path + ".length", "A task takes some time.");
            Require(
                _finder is null || _expectedLength <= Duration.Zero || task.StartOffset + task.Length <= _expectedLength,
                path + ".length",
                $"The task '{task.Id}' ends after the change's expected length {_expectedLength}.");
        }

        if (problems.Count > 0)
        {
            throw new DefinitionValidationException($"{(large ? "big-P" : "little-p")} change plan '{Title}'", problems);
        }

        return new ChangePlanDefinition(
            Id,
            Title,
            Size,
            _businessReason!,
            _technicalReason!,
            EquatableList<string>.From(_risks),
            EquatableList<string>.From(_assumptions),
            _finder!,
            _expectedLength,
            _owner!,
            EquatableList<ChangeParty>.From(_parties),
            EquatableList<ChangeTask>.From(_tasks),
            _pointOfNoReturn,
            _backOutPlan!,
            EquatableList<string>.From(_validationSteps));
    }

    private static void CheckTexts(List<string> texts, string path, Action<bool, string, string> require)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            require(!Blank(texts[i]), $"{path}[{i}]", "The entry must not be empty.");
        }
    }

    private static bool Blank(string? text) => text is null || text.Trim().Length == 0;
}
