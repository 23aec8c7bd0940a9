/**
 * Explicit state machines for records whose status changes through a workflow: which state may
 * follow which, and what a change must bring. Part of the kernel: it depends only on message.
 */
package de.digitalstrategie.cockpit.workflow;
