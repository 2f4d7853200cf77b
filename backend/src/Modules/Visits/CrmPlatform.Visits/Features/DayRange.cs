using CrmPlatform.BuildingBlocks.Time;
using FluentValidation;

namespace CrmPlatform.Visits.Features;

/// <summary>
/// The days a list covers: one day, or from–to (at most 31 days) when a report's figure links to the rows it counts — a
/// team's week, a rep's month.
/// </summary>
internal static class DayRange
{
    public const int MaxDays = 31;

    public static (DateOnly From, DateOnly To)? Of(DateOnly? day, DateOnly? from, DateOnly? to) =>
        from is not null || to is not null ? (from ?? to!.Value, to ?? from!.Value) : day is { } d ? (d, d) : null;

    public static void Rules<T>(AbstractValidator<T> validator, Func<T, DateOnly?> day, Func<T, DateOnly?> from, Func<T, DateOnly?> to)
    {
        foreach (var (name, read) in new[] { ("day", day), ("from", from), ("to", to) })
        {
            validator.RuleFor(q => read(q)).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest).When(q => read(q) is not null).OverridePropertyName(name);
        }

        validator.RuleFor(q => to(q)).Must((q, last) => last >= from(q) && last!.Value.DayNumber - from(q)!.Value.DayNumber < MaxDays)
            .When(q => from(q) is not null && to(q) is not null)
            .OverridePropertyName("to")
            .WithMessage($"The days run from 'from' to 'to', at most {MaxDays} of them.");
    }
}
