$global:x
