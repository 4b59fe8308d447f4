"event"
