package org.parley.sip.container;

/**
 * The requests of ours not yet answered, at one moment.
 *
 * @param waiting    in all dialogs' outbound queues, behind the ones in flight
 * @param deepest    in the fullest dialog's queue (a dialog reaching its bound is ended as too slow)
 * @param unanswered sent without a transaction and awaiting their final response
 */
public record OutboundQueues(int waiting, int deepest, int unanswered) {}
