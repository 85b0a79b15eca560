"""The record the Scenarios page's estimates rest on: the estimates, each economy's years against a
driver, and the track record of each episode predicted without it."""

from __future__ import annotations

import streamlit as st

from dashboard.analytics import scenarios as sc
from dashboard.brief import collect
from dashboard.cache import shared, specs
from dashboard.charts import scenarios as charts
from dashboard.datasets import in_language
from dashboard.formatting import localized, markdown_text
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language
from dashboard.models.scenarios import ScenariosModel, economy_in, for_csv, rows_in
from dashboard.session.binding import bound_widget, current_view
from dashboard.session.pages.scenarios import ScenariosState
from dashboard.views import components
from dashboard.views.redraw import redrawn_alone

CAVEAT = N_(
    "An association in past data, not a law: the estimate says how remittances moved with Russia's growth and "
    "the ruble in the years on record, and 2022, when they rose while Russia shrank, is part of that record."
)


def estimates_in_words(model: ScenariosModel, lang: Language) -> str:
    """The estimates in one sentence per economy, for the brief (the page shows them as a table)."""
    _ = lang.gettext

    def sgn(value: float) -> str:
        return f"{value:+.2f}" if lang.is_source else localized.signed(value, lang, digits=2)

    parts = []
    for economy in model.economies.values():
        fit = economy.fit
        growth, ruble = fit.interval(1), fit.interval(2)
        parts.append(
            _(
                "{economy}: {ruble} points of remittance growth per 1% of ruble ({ruble_low} to {ruble_high}), "
                "{growth} per point of Russia's growth ({growth_low} to {growth_high}); N {n}, {first}–{last}, "
                "R² {r2}."
            ).format(
                economy=economy_in(economy.name, lang),
                ruble=sgn(ruble[0]),
                ruble_low=sgn(ruble[1]),
                ruble_high=sgn(ruble[2]),
                growth=sgn(growth[0]),
                growth_low=sgn(growth[1]),
                growth_high=sgn(growth[2]),
                n=fit.n,
                first=fit.years[0],
                last=fit.years[-1],
                r2=f"{fit.r2:.2f}" if lang.is_source else localized.number(fit.r2, lang, 2),
            )
        )
    lead = _("Estimated from the record ({level} intervals; an association, not a law).").format(
        level=localized.share(sc.LEVEL, lang)
    )
    return lead + " " + " ".join(parts)


def relationship_section(model: ScenariosModel, lang: Language) -> None:
    """The estimates, and the record behind them (whose axis control redraws the scatters alone)."""
    _ = lang.gettext
    st.subheader(_("The relationship it rests on"))
    st.markdown(markdown_text(_(CAVEAT)))
    coefficients = model.coefficients
    st.dataframe(shared.scenario_coefficients(lang), hide_index=True, width="stretch")
    st.caption(
        _(
            "Each economy: yearly growth of remittances received in US$ (WDI BX.TRF.PWKR.CD.DT) on Russia's real GDP "
            "growth (NY.GDP.MKTP.KD.ZG) and the ruble's change against the US$ (from PA.NUS.FCRF), same year, from "
            "{start} (earlier values jump). Ordinary least squares; Newey–West (HAC) standard errors, {lags} lags, "
            "small-sample corrected; t-based {level} intervals (statsmodels' estimator, checked against statsmodels)."
        ).format(
            start=sc.SAMPLE_FROM, lags=int(coefficients["hac_lags"].iloc[0]), level=localized.share(sc.LEVEL, lang)
        )
    )
    collect.paragraph(estimates_in_words(model, lang))
    components.sources_and_download(
        rows_in(for_csv(coefficients, model.sources, "coefficients"), lang),
        model.sources,
        "scenario_coefficients.csv",
        lang=lang,
    )
    scatter_section(model)


DRIVER_NAMES = {"ruble": N_("The ruble"), "growth": N_("Russia's growth")}


@redrawn_alone("sc-scatter")
def scatter_section(model: ScenariosModel) -> None:
    """Each economy's record against the driver chosen for the horizontal axis, with the fit."""
    view = current_view(ScenariosState)
    lang = view.language
    _ = lang.gettext
    axis = bound_widget(
        st.segmented_control,
        "sc_axis",
        view.sc_axis,
        _("Driver on the horizontal axis"),
        options=["ruble", "growth"],
        format_func=lambda driver: _(DRIVER_NAMES[driver]),
        to_view=lambda chosen: chosen or view.sc_axis,
    )
    driver = "ruble_change" if (axis or view.sc_axis) == "ruble" else "russia_growth"
    columns = st.columns(len(model.economies))
    for column, (iso3, economy) in zip(columns, model.economies.items(), strict=True):
        with column:
            points = rows_in(model.points_by_economy[iso3], lang)
            name = economy_in(economy.name, lang)
            components.show_chart(
                specs.chart_spec(charts.scatter_chart, points, model.lines[(iso3, driver)], driver, name, lang),
                _("{economy}: remittance growth against {driver}, each year labelled, with the fitted line").format(
                    economy=name, driver=_(charts.AXIS_TITLES[driver])
                ),
                points,  # its text alternative is worked out once per language (cached by its rows)
                lang=lang,
            )
    components.sources_and_download(
        rows_in(model.points, lang),
        model.sources,
        "scenario_record.csv",
        note=_("Dashed line: the fit, the other driver held at its average. Red: 2009, 2015, 2020, 2022."),
        lang=lang,
    )


def track_record_section(model: ScenariosModel, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Track record: each episode predicted without it"))
    missed = model.backtests[~model.backtests["inside"]]
    verdict = (
        _("Every episode falls inside its interval.")
        if missed.empty
        else _("Outside the interval: {list}.").format(
            list=", ".join(f"{economy_in(row.economy, lang)} {row.year}" for row in missed.itertuples())
        )
    )
    components.say(
        _(
            "For 2009, 2015, 2020 and 2022 in turn, the estimate is fitted without that year and asked to predict "
            "it from that year's Russian growth and ruble. {verdict}"
        ).format(verdict=verdict)
    )
    columns = st.columns(len(model.economies))
    for column, (iso3, economy) in zip(columns, model.economies.items(), strict=True):
        with column:
            frame = rows_in(model.backtest_frames[iso3], lang)
            name = economy_in(economy.name, lang)
            components.show_chart(
                specs.chart_spec(charts.backtest_chart, frame, name, lang),
                _("{economy}: remittance growth in each episode against the prediction made without it").format(
                    economy=name
                ),
                frame,
                lang=lang,
            )
    components.sources_and_download(
        rows_in(for_csv(model.backtests, model.sources, "track_record"), lang),
        model.sources,
        "scenario_track_record.csv",
        lang=lang,
    )
    if len(model.broke_2022):
        # the sources' words are quoted as they published them, in their language
        st.markdown("**{}**".format(_("What broke in 2022, in the sources' words")))
        said = model.broke_2022.assign(words=in_language(model.broke_2022, "words", lang))
        quoted = lang.pgettext("quotation marks", "“{words}”")  # «…» in Russian
        lines = (f"- {row.when}: " + quoted.format(words=row.words) for row in said.itertuples())
        st.markdown("\n".join(markdown_text(line) for line in lines))
        components.sources_line(model.broke_2022, model.sources, lang=lang)
