/**
 * Domain events: a transactional outbox and the listener whiteboard delivered at least once, in order.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.zhurnal.core.api.event;
