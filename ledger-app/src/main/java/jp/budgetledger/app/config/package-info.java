/** Spring and Axon configuration: database (embedded or external), event store, serializers, processors. */
package jp.budgetledger.app.config;
