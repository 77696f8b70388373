{ param($a) $a.Length }
