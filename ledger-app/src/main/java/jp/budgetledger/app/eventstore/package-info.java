/**
 * The event store's tables. This package alone runs statements on Axon's tables (the events,
 * snapshots, tokens, sagas and their associations): the storage engine that chains each
 * aggregate's events by hash and gives every event it reads its own position
 * ({@link jp.budgetledger.projections.StorePosition}), the positions of appended events, the
 * stored rows as the verifier and the backup read and write them, and the processors' tokens.
 * Every other package uses the small API here; read models never read these tables.
 */
package jp.budgetledger.app.eventstore;
