/**
 * Markets: the shared vocabulary of where and what a figure is about, used by every module and every entry point
 * (API bodies and query parameters, CSV imports, Kafka, the public feedback form, the CLI), so the same value gets
 * the same answer everywhere and a market one entry point refuses can't become a market of its own in another.
 * <ul>
 * <li>{@link com.zeromission.markets.Market}: an ISO 3166-1 alpha-2 country code, upper case. The United Kingdom is
 * {@code GB}, as in the demo's data and every stored row since migration V23 (which moved stored {@code UK} rows
 * to {@code GB}); {@code UK} is refused with that hint.</li>
 * <li>{@link com.zeromission.markets.Product}: a slug, {@code pay-later}; names are normalised to it.</li>
 * <li>{@link com.zeromission.markets.Scope}: everything, a market, a product, or both.</li>
 * </ul>
 * Values only, no beans and no dependencies: a shared module (declared in {@code ZeromissionApplication}) that any
 * module may depend on and that depends on none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Markets")
@org.jspecify.annotations.NullMarked
package com.zeromission.markets;
