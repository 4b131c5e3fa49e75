-- Registers the connection for append notifications (the channel is PostgreSqlIncidentStore.AppendedChannel).
LISTEN customer_advocacy_appended
