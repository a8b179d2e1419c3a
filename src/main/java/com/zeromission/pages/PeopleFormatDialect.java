package com.zeromission.pages;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Makes {@link PeopleFormat} available as {@code #fmt} in every template (Spring Boot adds every dialect bean to
 * the template engine). The zone is the viewer's: the cookie {@value #ZONE_COOKIE} that {@code js/zone.js} sets from
 * the browser's own setting, or {@code zeromission.web.zone} when the browser has not told it yet (the first page
 * after signing in) or sent a name that is not a time zone. Pages are in English (en-GB number and date formats);
 * a page in another language asks for {@code #fmt.in(lang)}.
 */
@Component
class PeopleFormatDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String ZONE_COOKIE = "zm-zone";
    private static final Locale PAGES = Locale.UK;

    private final MessageSource messages;
    private final ZoneId defaultZone;
    private final java.util.Currency currency;

    PeopleFormatDialect(MessageSource messages, @Value("${zeromission.web.zone:Europe/Stockholm}") String defaultZone,
            @Value("${zeromission.currency:EUR}") String currency) {
        super("zeromission-format");
        this.messages = messages;
        this.defaultZone = ZoneId.of(defaultZone);
        try {
            this.currency = java.util.Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("zeromission.currency must be an ISO 4217 currency code such as EUR or SEK, was '"
                    + currency + "'", e);
        }
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("fmt");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                String cookie = context instanceof IWebContext web ? web.getExchange().getRequest().getCookieValue(ZONE_COOKIE) : null;
                return new PeopleFormat(PAGES, zone(cookie), messages, currency);
            }

            @Override
            public boolean isCacheable(String name) {
                return true; // once per template execution: the request does not change while a page renders
            }
        };
    }

    /** The zone a cookie names, or the configured one: the cookie is the browser's word, so it is checked. */
    ZoneId zone(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 64) {
            return defaultZone;
        }
        try {
            return ZoneId.of(java.net.URLDecoder.decode(cookie, java.nio.charset.StandardCharsets.UTF_8));
        } catch (DateTimeException | IllegalArgumentException e) {
            return defaultZone;
        }
    }
}
