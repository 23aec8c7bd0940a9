package de.digitalstrategie.cockpit.strategy.rest;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.message.AccessDeniedException;
import de.digitalstrategie.cockpit.message.NotFoundException;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.rest.RestJson;
import de.digitalstrategie.cockpit.strategy.Indicator;
import de.digitalstrategie.cockpit.strategy.MeasuredDay;
import de.digitalstrategie.cockpit.strategy.Measurement;
import de.digitalstrategie.cockpit.strategy.MeasurementCsv;
import de.digitalstrategie.cockpit.strategy.Values;
import de.digitalstrategie.cockpit.strategy.store.Indicators;
import de.digitalstrategie.cockpit.strategy.store.Measurements;

import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Measured values of indicators: read by whoever may see the indicator's page, entered by the unit
 * that collects them and the staff unit ({@link Roles#mayRecordValues}), one at a time as JSON or as
 * a file of many (CSV), which is stored whole or refused whole with every bad line named. Who asks
 * is checked before a byte of the body is read; an indicator the caller may not see answers 404
 * like one that does not exist.
 */
@Path("/indicators")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {
    private final Indicators indicators;
    private final Measurements measurements;
    private final PageAccess pages;
    private final Roles roles;
    private final Clock clock;

    @Inject
    public IndicatorResource(Indicators indicators, Measurements measurements, PageAccess pages, Roles roles,
                             Clock clock) {
        this.indicators = indicators;
        this.measurements = measurements;
        this.pages = pages;
        this.roles = roles;
        this.clock = clock;
    }

    /** An indicator's values, oldest first. */
    @GET
    @Path("/{key}/values")
    public Response values(@PathParam("key") String key) {
        Indicator indicator = visible(key);
        return RestJson.ok(measurements.of(List.of(indicator)).get(indicator.key()).stream()
                .map(MeasurementJson::of).toList());
    }

    /**
     * Adds one value: 403 unless the caller collects the indicator or is of the staff unit (before
     * the body is read), 400 with the reason for a bad value, date or a day already measured.
     */
    @POST
    @Path("/{key}/values")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("key") String key, InputStream body) {
        String actor = roles.actor();
        Indicator indicator = visible(key);
        if (!roles.mayRecordValues(actor, indicator.responsibleUnit())) {
            throw AccessDeniedException.of("cockpit.access.error.values");
        }
        NewMeasurement value = RestJson.read(body, NewMeasurement.class);
        Measurement stored = measurements.record(new Measurement(indicator.key(), Values.parse(value.value()),
                day(value.date()), value.source(), value.comment(), actor, clock.instant()));
        return Response.status(201).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(RestJson.write(MeasurementJson.of(stored))).build();
    }

    /**
     * Adds the values of a file (UTF-8 CSV, see {@link MeasurementCsv}), all or none: 403 before the
     * body is read for a caller who may enter values of no indicator at all, 400 naming every bad
     * line (an indicator unknown to the caller or not theirs, a unit that is not the indicator's, a
     * bad or future date, a bad number, a day measured twice in the file or already stored).
     */
    @POST
    @Path("/values")
    @Consumes({"text/csv", "application/csv"})
    public Response upload(InputStream body) {
        String actor = roles.actor();
        if (!roles.mayChangeGoals(actor) && roles.unitsOf(actor).isEmpty()) {
            throw AccessDeniedException.of("cockpit.access.error.values");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(RestJson.bytes(body))).toString();
        } catch (CharacterCodingException e) {
            throw ValidationException.of("cockpit.measurement.csv.encoding");
        }
        Collection<Long> viewable = pages.viewable(indicators.pageIds());
        Map<String, Indicator> known = indicators.byKeys(MeasurementCsv.keys(text), viewable);
        MeasurementCsv.Parsed file = MeasurementCsv.parse(text, known,
                i -> roles.mayRecordValues(actor, i.responsibleUnit()), LocalDate.now(clock), actor, clock.instant());
        List<Measurement> stored = measurements.recordFile(file);
        return Response.status(201).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(RestJson.write(Map.of("stored", stored.size()))).build();
    }

    private Indicator visible(String key) {
        return indicators.find(key, pages.viewable(indicators.pageIds()))
                .orElseThrow(() -> NotFoundException.of("cockpit.indicator.error.unknown", key));
    }

    private LocalDate day(String text) {
        return MeasuredDay.parse(text, LocalDate.now(clock));
    }
}
